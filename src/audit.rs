//! `sysctl-lint audit`: compare a system's configuration with the values the
//! running kernel really has, lint those live values, summarise TCP socket states,
//! and compare whole fleets of `sysctl -a` snapshots.
//!
//! - Live values come from `PROC/sys/<path>` (`--proc DIR`, default `/proc`: a fixture
//!   tree laid out like `/proc` in tests) or from a `sysctl -a` snapshot
//!   ([`parse_snapshot`]).
//! - SL801 live-drift: the configured (effective) value differs from the live one.
//! - SL802 key-missing-on-running-kernel: a configured key has no `/proc/sys` file.
//! - SL803 ephemeral-ports-exhaustion: one destination holds more than half of the
//!   usable ephemeral ports (with `sockets`, see [`crate::sockets`]).
//! - The value and profile rules (SL3xx, SL5xx, SL6xx, SL7xx) run on a synthetic
//!   sysctl.conf of the live values (`live:/proc/sys`, one `key = value` line per
//!   catalogued writable key, sorted), so `--profile server` audits the host itself.
//!
//! # Read-only by construction
//! This module and [`crate::sockets`] read only through [`crate::fsroot`]'s read
//! functions: the proc tree is a [`Root`] (links resolve inside it, never
//! outside; only regular files are opened, non-blocking; every read is bounded),
//! snapshots are read with [`crate::fsroot::read_named`]. There is no call that
//! creates, opens for writing or writes a file (the unit test
//! `no_write_calls_in_audit_sources` greps both sources for such APIs).
//! Keys with `.`/`..` components are never turned into paths, and symbolic links
//! inside `PROC/sys` are not followed.
//!
//! # JSON report (`to_json`), version 1
//! The `check` report (`version`, `tool`, `kernel`, `files`, `diagnostics`, `summary`),
//! plus:
//!
//! ```json
//! {
//!   "version": 1, "tool": {"name": "sysctl-lint", "version": "0.1.0"},
//!   "kernel": "6.18.44",
//!   "host": "web01",
//!   "kernel_release": "6.18.44-fc-v595",
//!   "loader": "systemd",
//!   "live_source": "/proc/sys",
//!   "files": [{"path": "/etc/sysctl.d/99-sysctl.conf", "lines": 3, "errors": 0, "warnings": 1, "infos": 0},
//!             {"path": "live:/proc/sys", "lines": 1040, "errors": 0, "warnings": 2, "infos": 0}],
//!   "diagnostics": [{"code": "SL801", "name": "live-drift", "severity": "warning",
//!     "message": "...", "file": "/etc/sysctl.d/99-sysctl.conf", "line": 2, "column": 27,
//!     "end_line": 2, "end_column": 28, "key": "net.ipv4.tcp_syncookies", "value": "1",
//!     "live": "0", "help": "...", "related": [{"file": "live:/proc/sys", "line": 812, "column": 27, "message": "live value: 0"}]}],
//!   "summary": {"files": 2, "errors": 0, "warnings": 3, "infos": 0},
//!   "sockets": null | {
//!     "states": [{"state": "ESTABLISHED", "count": 12}, ... 11 states in st-code order],
//!     "total": 40,
//!     "time_wait": {"count": 20, "limit": 131072, "percent": 0.0},
//!     "orphans": {"count": 0, "limit": 131072, "percent": 0.0} | null,
//!     "ephemeral": {"low": 32768, "high": 60999, "reserved": 0, "usable": 28232} | null,
//!     "busiest": {"remote": "10.0.0.5:5432", "local_address": "10.0.0.2", "ports_in_use": 15000,
//!                 "time_wait": 14000, "percent_of_usable": 53.1, "loopback": false} | null,
//!     "exhaustion": true,
//!     "advice": ["..."]
//!   },
//!   "fleet": null | {
//!     "hosts": [{"name": "web01", "kernel": "6.18.44-fc-v595", "errors": 0, "warnings": 2, "infos": 0, "unreadable_keys": 0}],
//!     "differences": [{"key": "net.core.somaxconn",
//!                      "values": [{"value": "4096", "count": 2, "hosts": null}, {"value": "128", "count": 1, "hosts": ["web02"]}],
//!                      "absent": []}],
//!     "findings": [{"code": "SL801", "name": "live-drift", "severity": "warning", "message": "...",
//!                   "file": "/etc/sysctl.conf", "line": 4, "key": "...", "value": "1", "live": "0",
//!                   "hosts": ["web02"]}]
//!   }
//! }
//! ```
//!
//! - `kernel` is the version the rules judged against (the running kernel's, unless
//!   overridden); `kernel_release` is `kernel.osrelease` as read (or `null`).
//! - `live` (per diagnostic) is the key's live value, or `null` when it has none
//!   (SL802, file-level findings). `value` keeps its `check` meaning: the value as
//!   written in the file the finding points at (the configuration line for SL801,
//!   the synthetic `live:` file for the live-value rules).
//! - With several snapshots (a fleet), `diagnostics` is empty and the findings are in
//!   `fleet.findings`, grouped: one entry per distinct finding with the hosts that
//!   have it (`file`/`line` are `null` for findings about live values); `summary`
//!   counts every host's findings. `differences` lists only keys with more than one
//!   value across hosts (read-only and per-host-by-design keys such as
//!   `kernel.hostname` or `kernel.random.uuid` are left out), most common value
//!   first; that one has `"hosts": null` (it is every host not named under another
//!   value or in `absent`), which keeps the report small for 10,000 hosts; `absent`
//!   names the hosts without the key.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::catalog::{self, Access, KeyInfo, Status, ValueType};
use crate::diagnostic::{Diagnostic, Severity};
use crate::effective::{self, Effective};
use crate::fsroot::{FsError, Kind, Resolved, Root};
use crate::key::{GlobIndex, Key};
use crate::lint::{FileData, Options, Setting};
use crate::report::{self, Counts};
use crate::sockets::{self, Limits, SocketSummary};
use crate::source::SourceFile;
use crate::system::{self, Loader};
use crate::value;
use crate::version::KernelVersion;

// ---------------------------------------------------------------------------
// Live values and snapshots

/// The sysctl values of one host: from `/proc/sys` or a `sysctl -a` snapshot.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Dotted key (`net.ipv4.conf.eth0/100.rp_filter`) -> value as read (vector
    /// elements keep their tabs; a trailing newline is removed).
    pub values: BTreeMap<String, String>,
    /// Keys that exist but could not be read -> why (`permission denied`, ...).
    pub unreadable: BTreeMap<String, String>,
    /// Lines of a snapshot that were neither `key = value` nor a sysctl error line.
    pub ignored_lines: usize,
}

impl Snapshot {
    /// Whether the key exists on the host (readable or not).
    pub fn exists(&self, key: &str) -> bool {
        self.values.contains_key(key) || self.unreadable.contains_key(key)
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(String::as_str)
    }
}

/// Parse the output of `sysctl -a` (stdout, optionally with its stderr):
/// `key = value` lines (vector values tab-separated; a key printed on several lines,
/// as `dev.cdrom.info` is, gets its lines joined with `\n`), and the error lines
/// `sysctl: permission denied on key 'KEY'` and `sysctl: reading key "KEY": REASON`
/// (also accepted by kernel-hardening-checker), which name unreadable keys.
pub fn parse_snapshot(text: &str) -> Snapshot {
    let mut snap = Snapshot::default();
    for raw in text.lines() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("sysctl: ") {
            if let Some(k) = rest
                .strip_prefix("permission denied on key '")
                .and_then(|r| r.split_once('\''))
                .map(|(k, _)| k)
            {
                snap.unreadable
                    .insert(Key::parse(k).dotted(), "permission denied".to_owned());
                continue;
            }
            if let Some((k, reason)) = rest
                .strip_prefix("reading key \"")
                .and_then(|r| r.split_once('"'))
            {
                let reason = reason.trim_start_matches(':').trim();
                let reason = if reason.is_empty() {
                    "unreadable"
                } else {
                    reason
                };
                snap.unreadable
                    .insert(Key::parse(k).dotted(), reason.to_owned());
                continue;
            }
            snap.ignored_lines += 1;
            continue;
        }
        let (k, v) = match line.split_once(" = ") {
            Some(kv) => kv,
            // `key =` (an empty value, trailing blank trimmed by an editor).
            None => match line.strip_suffix(" =") {
                Some(k) => (k, ""),
                None => {
                    snap.ignored_lines += 1;
                    continue;
                }
            },
        };
        let k = k.trim();
        if k.is_empty() || k.contains(char::is_whitespace) {
            snap.ignored_lines += 1;
            continue;
        }
        let key = dotted(k);
        match snap.values.get_mut(&key) {
            Some(existing) => {
                existing.push('\n');
                existing.push_str(v);
            }
            None => {
                snap.values.insert(key, v.to_owned());
            }
        }
    }
    snap
}

/// The live state of one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Live {
    /// The value as read (trailing newline removed, tabs kept).
    Value(String),
    /// The file exists but reading it failed (write-only keys, `stable_secret`).
    Unreadable(String),
    /// No such file under `PROC/sys` (what `sysctl -p` reports as `cannot stat`).
    Missing,
}

/// Read `PROC/sys/<path>` of each dotted key, read-only. Keys that are globs, or
/// whose components could leave the tree (`.`, `..`), are `Missing` and never
/// read; a symbolic link is not followed (`Missing`).
pub fn live_values(proc_root: &Path, keys: &[String]) -> Vec<(String, Live)> {
    let root = Root::open(proc_root).ok();
    keys.iter()
        .map(|k| {
            let key = Key::parse(k);
            let live = match (&root, safe_path(&key)) {
                (Some(root), Some(path)) => read_one(root, &path),
                _ => Live::Missing,
            };
            (key.dotted(), live)
        })
        .collect()
}

/// `/sys/<components>` inside the proc tree, or `None` for keys that must not
/// become a path.
fn safe_path(key: &Key) -> Option<PathBuf> {
    if key.glob || key.traversal || key.is_empty() {
        return None;
    }
    let mut p = PathBuf::from("/sys");
    for c in key.components() {
        if c.is_empty() || c == "." || c == ".." || c.contains('/') || c.contains('\0') {
            return None;
        }
        p.push(c);
    }
    Some(p)
}

/// One value file, not following links (a link or directory is `Missing`).
fn read_one(root: &Root, path: &Path) -> Live {
    match root.resolve(path) {
        Err(FsError::NotFound | FsError::NotADirectory | FsError::Dangling(_)) => Live::Missing,
        Err(e) => Live::Unreadable(e.reason()),
        Ok(Resolved::Entry { path: canon, stat }) if canon != path || stat.kind == Kind::Dir => {
            Live::Missing
        }
        Ok(_) => match root.read(path) {
            Ok((bytes, _)) => Live::Value(clean(&bytes)),
            Err(e) => Live::Unreadable(e.reason()),
        },
    }
}

fn clean(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    s.strip_suffix('\n').unwrap_or(&s).to_owned()
}

/// Every key under `PROC/sys`, read as `sysctl -a` reads them (read-only; symbolic
/// links are not followed).
pub fn read_proc(proc_root: &Path) -> Snapshot {
    let mut snap = Snapshot::default();
    if let Ok(root) = Root::open(proc_root) {
        let mut components = Vec::new();
        walk(&root, Path::new("/sys"), &mut components, &mut snap);
    }
    snap
}

fn walk(root: &Root, dir: &Path, components: &mut Vec<String>, snap: &mut Snapshot) {
    if components.len() > 16 {
        return;
    }
    let Ok(names) = root.read_dir(dir) else {
        return;
    };
    for name in names {
        let path = dir.join(&name);
        // Not through links: the entry's canonical path is its own.
        let kind = match root.resolve(&path) {
            Ok(Resolved::Entry { path: canon, stat }) if canon == path => stat.kind,
            _ => continue,
        };
        components.push(name.to_string_lossy().into_owned());
        if kind == Kind::Dir {
            walk(root, &path, components, snap);
        } else if kind == Kind::File {
            let key = Key::from_components(components.iter().map(String::as_str)).dotted();
            match root.read(&path) {
                Ok((bytes, _)) => {
                    snap.values.insert(key, clean(&bytes));
                }
                Err(err) => {
                    snap.unreadable.insert(key, err.reason());
                }
            }
        }
        components.pop();
    }
}

/// `PROC/sys/kernel/osrelease`, trimmed.
pub fn kernel_release(proc_root: &Path) -> Option<String> {
    crate::fsroot::read_text_in(proc_root, "sys/kernel/osrelease")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

// ---------------------------------------------------------------------------
// Options and outcome

/// What `audit` reads and how it judges.
#[derive(Debug, Clone)]
pub struct AuditOptions {
    /// The configuration tree (`/` on a real host), read like `sysctl-lint system`.
    pub root: PathBuf,
    /// The boot-time loader; `None` detects it in `root`.
    pub loader: Option<Loader>,
    /// A tree laid out like `/proc` (default `/proc`).
    pub proc_root: PathBuf,
    /// `sysctl -a` snapshots (files or directories of them) instead of `proc_root`.
    /// One file: a single-host audit of it; several (or a directory): a fleet report.
    pub snapshots: Vec<PathBuf>,
    /// Also summarise TCP sockets (live `proc_root` only).
    pub sockets: bool,
    /// Rule options (`--profile`, `--memory`, `--kernel`).
    pub options: Options,
    /// Judge against the audited kernel (`kernel.osrelease`) instead of
    /// `options.kernel` when it is known (the CLI sets this unless `--kernel` is given).
    pub running_kernel: bool,
}

impl Default for AuditOptions {
    fn default() -> Self {
        AuditOptions {
            root: PathBuf::from("/"),
            loader: None,
            proc_root: PathBuf::from("/proc"),
            snapshots: Vec::new(),
            sockets: false,
            options: Options::default(),
            running_kernel: true,
        }
    }
}

/// The result of [`run`].
#[derive(Debug, Clone)]
pub struct AuditOutcome {
    /// Host name (`kernel.hostname`, or the snapshot's file stem; `fleet` for a fleet).
    pub host: String,
    /// `kernel.osrelease` as read.
    pub kernel_release: Option<String>,
    /// The kernel version the rules judged against.
    pub kernel: KernelVersion,
    pub loader: Loader,
    /// Where the live values come from (`/proc/sys`, a snapshot path, or the fleet).
    pub live_source: String,
    /// The configuration files, then the synthetic `live:` file (single host).
    pub files: Vec<FileData>,
    /// Sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// The live value of each diagnostic's key, in the same order.
    pub live: Vec<Option<String>>,
    pub sockets: Option<SocketSummary>,
    pub fleet: Option<FleetReport>,
    /// Configuration files that could not be read (the CLI exits 2, as `check` does).
    pub unreadable_files: usize,
}

impl AuditOutcome {
    /// Findings by severity, fleet findings counted once per host.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::of(&self.diagnostics);
        if let Some(f) = &self.fleet {
            for h in &f.hosts {
                c.errors += h.counts.errors;
                c.warnings += h.counts.warnings;
                c.infos += h.counts.infos;
            }
        }
        c
    }

    /// The highest severity found, for the exit code (`None`: nothing found).
    pub fn max_severity(&self) -> Option<Severity> {
        let c = self.counts();
        if c.errors > 0 {
            Some(Severity::Error)
        } else if c.warnings > 0 {
            Some(Severity::Warning)
        } else if c.infos > 0 {
            Some(Severity::Info)
        } else {
            None
        }
    }
}

// ---------------------------------------------------------------------------
// Fleet

/// Hosts as runs of consecutive indices (most keys have one value on almost every
/// host, so this stays tiny for 10,000 hosts).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostSet(Vec<(u32, u32)>);

impl HostSet {
    /// Add a host; indices must arrive in increasing order.
    pub fn push(&mut self, host: u32) {
        match self.0.last_mut() {
            Some((_, end)) if *end + 1 == host => *end = host,
            Some((_, end)) if *end >= host => {}
            _ => self.0.push((host, host)),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().flat_map(|&(a, b)| a..=b)
    }

    pub fn len(&self) -> usize {
        self.0.iter().map(|&(a, b)| (b - a) as usize + 1).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The hosts `0..n` in none of `sets` (which do not overlap): from their runs,
    /// not host by host.
    fn complement<'a>(sets: impl Iterator<Item = &'a HostSet>, n: u32) -> HostSet {
        let mut runs: Vec<(u32, u32)> = sets.flat_map(|s| s.0.iter().copied()).collect();
        runs.sort_unstable();
        let mut out = HostSet::default();
        let mut next = 0u32;
        for (a, b) in runs {
            if a > next {
                out.0.push((next, a - 1));
            }
            next = next.max(b.saturating_add(1));
        }
        if next < n {
            out.0.push((next, n - 1));
        }
        out
    }
}

/// The values of one key across a fleet, with their hosts. Most keys have one
/// value, or a few, and are searched in place; a key with many values (a
/// counter, an id: one per host) gets a hash index, so adding a host costs the
/// same whatever the number of values.
#[derive(Debug, Default)]
struct KeyValues {
    values: Vec<(String, HostSet)>,
    /// Positions in `values` by value, from [`KeyValues::INDEX_FROM`] values on.
    index: hashbrown::HashTable<u32>,
}

impl KeyValues {
    const INDEX_FROM: usize = 8;

    fn hash(value: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(value)
    }

    /// Record that `host` has `value` (hosts arrive in increasing order).
    fn add(&mut self, value: String, host: u32) {
        let KeyValues { values, index } = self;
        let found = if values.len() < Self::INDEX_FROM {
            values.iter().position(|(v, _)| {
                fleet_work(1);
                *v == value
            })
        } else {
            index
                .find(Self::hash(&value), |&i| {
                    fleet_work(1);
                    values[i as usize].0 == value
                })
                .map(|&i| i as usize)
        };
        if let Some(i) = found {
            values[i].1.push(host);
            return;
        }
        let mut hosts = HostSet::default();
        hosts.push(host);
        values.push((value, hosts));
        if values.len() == Self::INDEX_FROM {
            for (i, (v, _)) in values.iter().enumerate() {
                index.insert_unique(Self::hash(v), i as u32, |&j| {
                    Self::hash(&values[j as usize].0)
                });
            }
        } else if values.len() > Self::INDEX_FROM {
            let i = values.len() - 1;
            index.insert_unique(Self::hash(&values[i].0), i as u32, |&j| {
                Self::hash(&values[j as usize].0)
            });
        }
    }
}

work_counter!(
    /// Count a step of fleet merging.
    fleet_work,
    FLEET_WORK
);

/// One host of a fleet.
#[derive(Debug, Clone)]
pub struct FleetHost {
    pub name: String,
    pub kernel: Option<String>,
    pub counts: Counts,
    pub unreadable_keys: usize,
}

/// A key with more than one value across the fleet.
#[derive(Debug, Clone)]
pub struct KeyDifference {
    pub key: String,
    /// Value (tabs as single spaces) -> hosts, most common first.
    pub values: Vec<(String, HostSet)>,
    /// Hosts without the key.
    pub absent: HostSet,
}

/// A finding shared by one or more hosts.
#[derive(Debug, Clone)]
pub struct FleetFinding {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// Configuration file and 1-based line; `None` for findings about live values.
    pub file: Option<String>,
    pub line: Option<usize>,
    pub key: Option<String>,
    pub value: Option<String>,
    pub live: Option<String>,
    pub hosts: HostSet,
}

/// The fleet report: per-host counts, differences between hosts, grouped findings.
#[derive(Debug, Clone, Default)]
pub struct FleetReport {
    pub hosts: Vec<FleetHost>,
    pub differences: Vec<KeyDifference>,
    pub findings: Vec<FleetFinding>,
}

// ---------------------------------------------------------------------------
// The audit of one host

/// The configuration, read once.
struct Config {
    loader: Loader,
    files: Vec<FileData>,
    effective: Vec<Effective>,
    /// Paths of explicit (non-glob) keys in the effective configuration.
    explicit: HashSet<String>,
    /// Glob entries that write a value (effective indices), and an index of
    /// their keys (glob `i` of the index is entry `globs[i]`).
    globs: Vec<usize>,
    glob_index: GlobIndex,
}

impl Config {
    fn load(root: &Path, loader: Option<Loader>) -> Config {
        let loader = loader.unwrap_or_else(|| system::detect_loader(root));
        let sys = system::load(root, loader);
        Config::new(sys.files, loader)
    }

    /// The configuration of files already read (in application order).
    fn new(files: Vec<FileData>, loader: Loader) -> Config {
        let effective = effective::compute(&files, loader);
        let explicit = effective
            .iter()
            .filter(|e| !e.glob)
            .map(|e| Key::parse(&e.key).path().to_owned())
            .collect();
        let globs: Vec<usize> = effective
            .iter()
            .enumerate()
            .filter(|(_, e)| e.glob && e.value.is_some())
            .map(|(i, _)| i)
            .collect();
        let glob_keys: Vec<Key> = globs
            .iter()
            .map(|&i| Key::parse(&effective[i].key))
            .collect();
        let glob_index = GlobIndex::new(&glob_keys);
        Config {
            loader,
            files,
            effective,
            explicit,
            globs,
            glob_index,
        }
    }

    /// The file index and setting of the line that decided an effective entry.
    fn locate(&self, e: &Effective) -> Option<(usize, &Setting)> {
        let fi = self
            .files
            .iter()
            .rposition(|f| f.source.name == e.set_by.file)?;
        let f = &self.files[fi];
        let s = f
            .settings
            .iter()
            .find(|s| f.tree.lines[s.line()].number() == e.set_by.line)?;
        Some((fi, s))
    }
}

/// What one host's audit produced (file indices: config files, then the live file).
struct HostAudit {
    live_file: FileData,
    diagnostics: Vec<Diagnostic>,
    live: Vec<Option<String>>,
}

/// Keys whose value differs per host by design, or changes on every read.
const PER_HOST_KEYS: &[&str] = &[
    "kernel.hostname",
    "kernel.domainname",
    "kernel.ns_last_pid",
    "kernel.random.boot_id",
    "kernel.random.entropy_avail",
    "kernel.random.uuid",
];

fn read_only(key: &str) -> bool {
    PER_HOST_KEYS.contains(&key) || lookup_cached(key).is_some_and(|i| i.access == Access::ReadOnly)
}

/// `catalog::lookup` of a dotted key, memoised per thread (a fleet asks for the same
/// 1,300 keys on every host, and a lookup with placeholders tries many paths).
fn lookup_cached(key: &str) -> Option<&'static KeyInfo> {
    thread_local! {
        static CACHE: std::cell::RefCell<HashMap<String, Option<&'static KeyInfo>>> =
            std::cell::RefCell::new(HashMap::new());
    }
    CACHE.with(|c| {
        if let Some(found) = c.borrow().get(key) {
            return *found;
        }
        let found = catalog::lookup(&Key::parse(key));
        c.borrow_mut().insert(key.to_owned(), found);
        found
    })
}

/// The dotted form of a key as `sysctl -a` prints it (already dotted: no work).
fn dotted(k: &str) -> String {
    if k.contains('/')
        || k.contains("..")
        || k.starts_with(['.', '-', '\u{FEFF}'])
        || k.ends_with('.')
    {
        Key::parse(k).dotted()
    } else {
        k.to_owned()
    }
}

/// Tabs and newlines as single spaces, trimmed: how values are shown.
pub fn display_value(v: &str) -> String {
    v.split([' ', '\t', '\n'])
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a configured value and a live value mean the same to the kernel:
/// integers compared as the kernel parses them (`0x10` = `16` = `020`, blanks and
/// tabs alike), port lists as sets, strings as exact text (trailing blanks aside).
pub fn same_value(info: Option<&KeyInfo>, configured: &str, live: &str) -> bool {
    let ty = info.map_or(ValueType::Unknown, |i| i.ty);
    let configured = configured.trim_end_matches([' ', '\t', '\n']);
    let live = live.trim_end_matches([' ', '\t', '\n']);
    let ints = |s: &str| -> Option<Vec<i128>> {
        let t = value::tokens(s, 0);
        if t.is_empty() {
            return None;
        }
        t.iter().map(|t| value::parse_int(t.text).ok()).collect()
    };
    match ty {
        ValueType::String => configured.trim_start() == live.trim_start(),
        ValueType::PortList => port_set(configured) == port_set(live),
        ty => match (ints(configured), ints(live)) {
            (Some(c), Some(l)) => {
                let n = ty.arity().unwrap_or(c.len().max(l.len())).min(c.len());
                c.len() >= n && l.len() >= n && c[..n] == l[..n]
            }
            (None, None) if ty == ValueType::Unknown => {
                display_value(configured) == display_value(live)
            }
            _ => false,
        },
    }
}

fn port_set(s: &str) -> Option<Vec<(u32, u32)>> {
    let mut v: Vec<(u32, u32)> = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
            None => {
                let p = part.parse().ok()?;
                (p, p)
            }
        };
        v.push((a, b));
    }
    v.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::new();
    for (a, b) in v {
        match merged.last_mut() {
            Some((_, e)) if a <= *e + 1 => *e = (*e).max(b),
            _ => merged.push((a, b)),
        }
    }
    Some(merged)
}

/// Whether the kernel would reject the written value (so the line never applied).
fn rejected(info: Option<&KeyInfo>, body: &str, kernel: &KernelVersion) -> bool {
    let Some(info) = info else { return false };
    let Some(arity) = info.ty.arity() else {
        return false;
    };
    let tokens = value::tokens(body, 0);
    if tokens.is_empty() {
        return true;
    }
    let (min, max, enforced, _) = catalog::range_on(info, kernel);
    tokens
        .iter()
        .take(arity)
        .any(|t| match value::parse_int(t.text) {
            Err(_) => true,
            Ok(v) => enforced && (min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m)),
        })
}

fn iface_of(key: &Key) -> Option<(&str, String)> {
    let c = key.parts();
    if c.len() == 5
        && c[0] == "net"
        && (c[1] == "ipv4" || c[1] == "ipv6")
        && (c[2] == "conf" || c[2] == "neigh")
        && c[3] != "all"
        && c[3] != "default"
    {
        let default = format!("{}.{}.{}.default.{}", c[0], c[1], c[2], c[4]);
        Some((c[3], default))
    } else {
        None
    }
}

/// Likely causes of a drift, most specific first.
fn drift_causes(
    key: &Key,
    info: Option<&KeyInfo>,
    glob: Option<&str>,
    rejected: bool,
    live: &Snapshot,
    live_value: &str,
) -> Vec<String> {
    let mut causes = Vec::new();
    if rejected {
        causes.push("the kernel rejects the written value, so the line never applied (`sysctl-lint check` says why)".to_owned());
    }
    if let Some(g) = glob {
        causes.push(format!(
            "it is set only by the glob `{g}`, which the loader expands once at boot: if the key did not exist yet then, the glob matched nothing for it"
        ));
    }
    if let Some((iface, default_key)) = iface_of(key) {
        let default_live = live.get(&default_key).map(display_value);
        let same = default_live.as_deref() == Some(display_value(live_value).as_str());
        causes.push(format!(
            "interface `{}` was probably created after systemd-sysctl ran: a new interface starts from `{default_key}`{}, not from this line",
            iface.replace('.', "/"),
            match (&default_live, same) {
                (Some(d), true) => format!(" (live {d}, the same as this interface's value)"),
                (Some(d), false) => format!(" (live {d})"),
                (None, _) => String::new(),
            }
        ));
    }
    if let Some(m) = info.map(|i| i.module).filter(|m| !m.is_empty()) {
        causes.push(format!(
            "the key belongs to module `{m}`: if it was loaded after systemd-sysctl ran, the key did not exist at boot and the line failed"
        ));
    }
    let dotted = key.dotted();
    if dotted == "net.ipv4.ip_forward"
        || dotted.ends_with(".forwarding")
        || dotted.starts_with("net.bridge.")
    {
        causes.push("it was changed at runtime: docker, kubelet, libvirt and NetworkManager's shared connections set forwarding and bridge keys when they start".to_owned());
    } else {
        causes.push("it was changed at runtime after boot: by a service (NetworkManager, docker, kubelet, tuned) or a later `sysctl -w`".to_owned());
    }
    causes
}

/// Why a configured key may be missing on the running kernel.
fn missing_cause(key: &Key, kernel: &KernelVersion, live: &Snapshot) -> String {
    let info = catalog::lookup(key);
    if let Some((iface, _)) = iface_of(key) {
        let parent: Vec<&str> = key.components().take(3).collect();
        let prefix = format!("{}.", parent.join("."));
        if !live
            .values
            .keys()
            .any(|k| k.starts_with(&format!("{prefix}{}.", iface.replace('.', "/"))))
        {
            return format!("there is no interface `{}` on this host (yet): the loader cannot set its keys before it exists; set `{}default.{}` or apply the key when the interface appears (udev, systemd-networkd)",
                iface.replace('.', "/"), prefix, key.last().unwrap_or_default());
        }
    }
    match info {
        None => match catalog::closest(key) {
            Some(c) => format!("it is not a known key; did you mean `{c}`?"),
            None => "it is not a known key (a typo, or a vendor patch this kernel lacks)".to_owned(),
        },
        Some(i) if i.removed_in(kernel) || matches!(i.status, Status::Removed | Status::Moved) => {
            format!(
                "the key was removed{}",
                i.removed
                    .map_or(String::new(), |r| format!(" in Linux {}", catalog::series(r)))
            )
        }
        Some(i) if i.too_new_for(kernel) => format!(
            "the key needs Linux {} or later",
            i.since.map_or("?".to_owned(), catalog::series)
        ),
        Some(i) if !i.module.is_empty() => format!(
            "the key belongs to module `{}`, which is not loaded (load it before systemd-sysctl runs, e.g. in /etc/modules-load.d/)",
            i.module
        ),
        Some(i) if i.status == Status::Vendor => {
            "the key comes from a vendor kernel patch this kernel does not have".to_owned()
        }
        Some(_) if key.components().next() == Some("net") => {
            "the kernel was built without the feature, or this is a network namespace (container) that does not have the key".to_owned()
        }
        Some(_) => "the kernel was built without the feature".to_owned(),
    }
}

fn keep_live_code(code: &str) -> bool {
    ["SL3", "SL5", "SL6", "SL7"]
        .iter()
        .any(|p| code.starts_with(p))
}

/// Audit one host: drift and missing keys against the configuration, and the
/// value/profile rules on its live values.
fn audit_host(
    config: &Config,
    live: &Snapshot,
    live_name: &str,
    options: &Options,
    kernel_release: Option<&str>,
) -> HostAudit {
    let n_files = config.files.len();
    let live_index = n_files;

    // Configured concrete keys, and the glob that decides each key it covers.
    let mut configured: HashSet<String> = config
        .effective
        .iter()
        .filter(|e| !e.glob)
        .map(|e| e.key.clone())
        .collect();
    let mut glob_hits: BTreeMap<String, usize> = BTreeMap::new(); // key -> effective index
    if !config.globs.is_empty() {
        for k in live.values.keys().chain(live.unreadable.keys()) {
            let key = Key::parse(k);
            if config.explicit.contains(key.path()) {
                continue;
            }
            // Of the globs that match, the one applied last decides.
            let best = config
                .glob_index
                .matching(&key)
                .into_iter()
                .map(|g| config.globs[g])
                .max_by_key(|&ei| config.effective[ei].order);
            if let Some(b) = best {
                glob_hits.insert(k.clone(), b);
                configured.insert(k.clone());
            }
        }
    }

    // The synthetic live file: catalogued writable keys and every configured key.
    let mut text = String::new();
    for (k, v) in &live.values {
        if configured.contains(k) || !read_only(k) && lookup_cached(k).is_some() {
            text.push_str(k);
            text.push_str(" = ");
            text.push_str(&display_value(v));
            text.push('\n');
        }
    }
    let live_file = FileData::new(SourceFile::new(live_name, text.into_bytes()));
    let live_setting: HashMap<String, &Setting> = live_file
        .settings
        .iter()
        .filter_map(|s| Some((s.dotted_key()?, s)))
        .collect();
    let live_span = |key: &str| {
        live_setting.get(key).map(|s| {
            if s.body().is_empty() {
                s.span()
            } else {
                s.body_span()
            }
        })
    };

    let mut out: Vec<(Diagnostic, Option<String>)> = Vec::new();
    let kernel_name = kernel_release
        .map(str::to_owned)
        .unwrap_or_else(|| options.kernel.to_string());

    // SL801 / SL802 for explicit keys.
    for e in config.effective.iter().filter(|e| !e.glob) {
        if e.value.is_none() {
            continue;
        }
        let Some((fi, s)) = config.locate(e) else {
            continue;
        };
        let key = Key::parse(&e.key);
        if safe_path(&key).is_none() {
            continue;
        }
        if !live.exists(&e.key) {
            let mut d = s
                .diag(
                    "SL802",
                    fi,
                    s.span(),
                    format!(
                        "`{}` does not exist on the running kernel ({kernel_name}): `sysctl -p` reports `cannot stat /proc/sys/{}`, and the setting is lost",
                        e.key,
                        key.path()
                    ),
                )
                .help(format!("likely cause: {}", missing_cause(&key, &options.kernel, live)));
            if s.ignore_failure {
                d = d.severity(Severity::Info);
                d.message
                    .push_str(" (the `-` prefix makes the loader ignore this)");
            }
            out.push((d, None));
            continue;
        }
        let Some(lv) = live.get(&e.key) else { continue };
        if let Some(d) = drift(live, options, fi, s, &key, None, lv, live_index, &live_span) {
            out.push((d, Some(display_value(lv))));
        }
    }
    // SL801 for keys set by a glob.
    for (k, &ei) in &glob_hits {
        let e = &config.effective[ei];
        let Some(lv) = live.get(k) else { continue };
        let Some((fi, s)) = config.locate(e) else {
            continue;
        };
        let key = Key::parse(k);
        if let Some(d) = drift(
            live,
            options,
            fi,
            s,
            &key,
            Some(&e.key),
            lv,
            live_index,
            &live_span,
        ) {
            out.push((d, Some(display_value(lv))));
        }
    }

    // The value and profile rules on the live values.
    for mut d in crate::lint::lint(std::slice::from_ref(&live_file), options)
        .into_iter()
        .filter(|d| keep_live_code(d.code))
    {
        d.file = live_index;
        for l in &mut d.labels {
            l.file = live_index;
        }
        let lv = d
            .key
            .as_deref()
            .and_then(|k| live.get(k))
            .map(display_value);
        out.push((d, lv));
    }

    out.sort_by(|(a, _), (b, _)| {
        (a.file, a.span.start, a.code, a.span.end).cmp(&(b.file, b.span.start, b.code, b.span.end))
    });
    let (diagnostics, live_values) = out.into_iter().unzip();
    HostAudit {
        live_file,
        diagnostics,
        live: live_values,
    }
}

#[allow(clippy::too_many_arguments)]
fn drift(
    live: &Snapshot,
    options: &Options,
    fi: usize,
    s: &Setting,
    key: &Key,
    glob: Option<&str>,
    live_value: &str,
    live_index: usize,
    live_span: &dyn Fn(&str) -> Option<std::ops::Range<usize>>,
) -> Option<Diagnostic> {
    let info = catalog::lookup(key);
    if same_value(info, s.body(), live_value) {
        return None;
    }
    let dotted = key.dotted();
    let shown = display_value(live_value);
    let rejected = rejected(info, s.body(), &options.kernel);
    let causes = drift_causes(key, info, glob, rejected, live, live_value);
    let subject = match glob {
        Some(g) => format!("`{dotted}` (set by the glob `{g}`)"),
        None => format!("`{dotted}`"),
    };
    let mut d = s
        .diag(
            "SL801",
            fi,
            value_span(s),
            format!(
                "{subject} is `{shown}` on the running system, not the configured `{}`: {}",
                s.body(),
                causes[0]
            ),
        )
        .key(dotted.clone());
    let action = if rejected {
        "fix the value so the kernel accepts it, then apply it (`sysctl --system`)".to_owned()
    } else {
        format!(
            "find what writes it (the journal, `grep -r {} /etc /usr/lib`) and make the configuration and the running system agree",
            key.last().unwrap_or_default()
        )
    };
    d = d.help(if causes.len() > 1 {
        format!(
            "other possible causes: {}; {action}",
            causes[1..].join("; ")
        )
    } else {
        action
    });
    if let Some(span) = live_span(&dotted) {
        d = d.label(live_index, span, format!("live value: {shown}"));
    }
    Some(d)
}

/// The span of the first value token (the whole setting when there is none).
fn value_span(s: &Setting) -> std::ops::Range<usize> {
    value::tokens(s.body(), s.body_span().start)
        .first()
        .map_or_else(|| s.span(), |t| t.span.start..s.body_span().end)
}

/// SL803 from the socket summary: at the configuration line of
/// `ip_local_port_range` if one sets it, else at its live line.
fn exhaustion_finding(
    config: &Config,
    summary: &SocketSummary,
    live_file: &FileData,
    live_index: usize,
    live_value: Option<String>,
) -> Option<(Diagnostic, Option<String>)> {
    if !summary.exhaustion {
        return None;
    }
    let b = summary.busiest.as_ref()?;
    let e = summary.ephemeral.as_ref()?;
    let key = "net.ipv4.ip_local_port_range";
    let configured = config
        .effective
        .iter()
        .find(|x| !x.glob && x.key == key && x.value.is_some())
        .and_then(|x| config.locate(x));
    let live_setting = live_file
        .settings
        .iter()
        .find(|s| s.dotted_key().as_deref() == Some(key));
    let message = format!(
        "connections to {} from {} hold {} of the {} usable ephemeral ports ({}%, {} in TIME_WAIT): new connections to it fail with EADDRNOTAVAIL when the range runs out",
        b.remote,
        b.local_address,
        b.ports_in_use,
        e.usable,
        b.percent_of_usable.unwrap_or(0.0),
        b.time_wait
    );
    let help = summary
        .advice
        .iter()
        .skip_while(|a| !a.starts_with("connections to"))
        .skip(1)
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let mut d = match (configured, live_setting) {
        (Some((fi, s)), _) => s.diag("SL803", fi, s.span(), message),
        (None, Some(s)) => s.diag("SL803", live_index, s.span(), message),
        (None, None) => Diagnostic::new("SL803", live_index, 0..0, message),
    }
    .key(key)
    .help(help);
    if let (Some(_), Some(s)) = (configured, live_setting) {
        d = d.label(
            live_index,
            s.body_span(),
            format!("live value: {}", s.body()),
        );
    }
    Some((d, live_value))
}

fn effective_options(base: &Options, release: Option<&str>, running: bool) -> Options {
    let mut o = base.clone();
    if running {
        if let Some(k) = release.and_then(|r| KernelVersion::parse_lenient(r).ok()) {
            o.kernel = k;
        }
    }
    o
}

// ---------------------------------------------------------------------------
// Entry point

/// Run the audit the options describe. Errors: a snapshot or directory that cannot
/// be read, or a proc tree without `sys/`.
pub fn run(opts: &AuditOptions) -> Result<AuditOutcome, String> {
    let config = Config::load(&opts.root, opts.loader);
    let unreadable_files = config
        .files
        .iter()
        .filter(|f| f.read_error.is_some())
        .count();
    let snapshot_files = expand_snapshots(&opts.snapshots)?;
    let single_snapshot = opts.snapshots.len() == 1 && !opts.snapshots[0].is_dir();
    if !opts.snapshots.is_empty() && !single_snapshot {
        let fleet = run_fleet(&config, &snapshot_files, opts);
        // Snapshots that could not be read (SL100 on their host) fail the run.
        let unreadable_files = unreadable_files
            + fleet
                .findings
                .iter()
                .filter(|f| f.code == "SL100")
                .map(|f| f.hosts.len())
                .sum::<usize>();
        let mut outcome = AuditOutcome {
            host: "fleet".to_owned(),
            kernel_release: None,
            kernel: opts.options.kernel.clone(),
            loader: config.loader,
            live_source: format!("{} snapshots", snapshot_files.len()),
            files: config.files,
            diagnostics: Vec::new(),
            live: Vec::new(),
            sockets: None,
            fleet: Some(fleet),
            unreadable_files,
        };
        outcome.files.shrink_to_fit();
        return Ok(outcome);
    }

    let (snap, host, release, live_name, source) = if single_snapshot {
        let path = &snapshot_files[0];
        let snap = match read_snapshot(path, true) {
            Ok(s) => s,
            Err(reason) => return Ok(unreadable_snapshot(config, opts, path, reason)),
        };
        let host = host_name(path);
        let release = snap.get("kernel.osrelease").map(str::to_owned);
        let name = format!("live:{}", crate::escape::escape_path(path));
        (
            snap,
            host,
            release,
            name,
            crate::escape::escape_path(path).into_owned(),
        )
    } else {
        let sys = opts.proc_root.join("sys");
        if !sys.is_dir() {
            let reason = format!(
                "cannot read {}: not a directory",
                crate::escape::escape_path(&sys)
            );
            return Ok(unreadable_snapshot(config, opts, &sys, reason));
        }
        let snap = read_proc(&opts.proc_root);
        let host = snap
            .get("kernel.hostname")
            .map(str::to_owned)
            .unwrap_or_else(|| "localhost".to_owned());
        let release = kernel_release(&opts.proc_root);
        let shown = crate::escape::escape_path(&sys).into_owned();
        (snap, host, release, format!("live:{shown}"), shown)
    };
    let options = effective_options(&opts.options, release.as_deref(), opts.running_kernel);
    let mut audit = audit_host(&config, &snap, &live_name, &options, release.as_deref());
    let live_index = config.files.len();

    let sockets = if opts.sockets && !single_snapshot {
        let limits = Limits::from_lookup(&|name: &str| {
            snap.get(&format!("net.ipv4.{name}")).map(display_value)
        });
        let summary = sockets::summarize(&opts.proc_root, &limits)?;
        let lv = snap.get("net.ipv4.ip_local_port_range").map(display_value);
        if let Some((d, l)) =
            exhaustion_finding(&config, &summary, &audit.live_file, live_index, lv)
        {
            let at = audit
                .diagnostics
                .iter()
                .position(|x| (x.file, x.span.start, x.code) > (d.file, d.span.start, d.code))
                .unwrap_or(audit.diagnostics.len());
            audit.diagnostics.insert(at, d);
            audit.live.insert(at, l);
        }
        Some(summary)
    } else {
        None
    };

    let mut files = config.files;
    files.push(audit.live_file);
    Ok(AuditOutcome {
        host,
        kernel_release: release,
        kernel: options.kernel,
        loader: config.loader,
        live_source: source,
        files,
        diagnostics: audit.diagnostics,
        live: audit.live,
        sockets,
        fleet: None,
        unreadable_files,
    })
}

/// The outcome of an audit whose live values (one snapshot, the proc tree) could
/// not be read: the SL100.
fn unreadable_snapshot(
    config: Config,
    opts: &AuditOptions,
    path: &Path,
    reason: String,
) -> AuditOutcome {
    let mut files = config.files;
    let index = files.len();
    let name = crate::escape::escape_path(path).into_owned();
    let message = reason
        .strip_prefix(&format!("cannot read {name}: "))
        .map_or(reason.clone(), |r| format!("cannot read `{name}`: {r}"));
    files.push(FileData::unreadable(name.clone(), reason));
    let unreadable_files = files.iter().filter(|f| f.read_error.is_some()).count();
    AuditOutcome {
        host: host_name(path),
        kernel_release: None,
        kernel: opts.options.kernel.clone(),
        loader: config.loader,
        live_source: name,
        files,
        diagnostics: vec![Diagnostic::new("SL100", index, 0..0, message)
            .help("fix or remove the path; the other inputs were still read")],
        live: vec![None],
        sockets: None,
        fleet: None,
        unreadable_files,
    }
}

/// Files named on the command line, and the non-hidden entries of directories
/// that are not directories themselves (sorted by name; reading refuses what is
/// not a regular file). A directory with no such entry stays in the list, so that
/// it is reported as unreadable.
fn expand_snapshots(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let names = Root::open(p)
            .and_then(|r| r.read_dir(Path::new("/")))
            .map_err(|e| format!("cannot read {}: {e}", crate::escape::escape_path(p)))?;
        let before = out.len();
        out.extend(
            names
                .into_iter()
                .filter(|n| !n.as_encoded_bytes().starts_with(b"."))
                .map(|n| p.join(n))
                .filter(|f| !f.is_dir()),
        );
        if out.len() == before {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Read one snapshot: bounded, regular files only, except that a FIFO named on
/// the command line (`explicit`: `<(ssh host sysctl -a)`) is read too; never one
/// found in a directory.
fn read_snapshot(path: &Path, explicit: bool) -> Result<Snapshot, String> {
    let shown = crate::escape::escape_path(path);
    if path.is_dir() {
        return Err(format!(
            "cannot read {shown}: directory contains no snapshot files"
        ));
    }
    let named = if explicit {
        crate::fsroot::Named::Explicit
    } else {
        crate::fsroot::Named::Entry
    };
    let (bytes, _) =
        crate::fsroot::read_named(path, named).map_err(|e| format!("cannot read {shown}: {e}"))?;
    Ok(parse_snapshot(&String::from_utf8_lossy(&bytes)))
}

fn host_name(path: &Path) -> String {
    path.file_stem().map_or_else(
        || crate::escape::escape_path(path).into_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// What a worker hands back for one host.
struct HostResult {
    name: String,
    kernel: Option<String>,
    unreadable_keys: usize,
    values: Vec<(String, String)>,
    findings: Vec<(FindingKey, Severity, &'static str, Option<String>)>,
    error: Option<String>,
}

/// Identity of a finding across hosts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct FindingKey {
    code: &'static str,
    message: String,
    file: Option<String>,
    line: Option<usize>,
    key: Option<String>,
    value: Option<String>,
    live: Option<String>,
}

fn audit_snapshot_file(config: &Config, path: &Path, opts: &AuditOptions) -> HostResult {
    let name = host_name(path);
    let snap = match read_snapshot(path, opts.snapshots.iter().any(|p| p == path)) {
        Ok(s) => s,
        Err(e) => {
            return HostResult {
                name,
                kernel: None,
                unreadable_keys: 0,
                values: Vec::new(),
                findings: Vec::new(),
                error: Some(e),
            }
        }
    };
    let release = snap.get("kernel.osrelease").map(str::to_owned);
    let options = effective_options(&opts.options, release.as_deref(), opts.running_kernel);
    let audit = audit_host(config, &snap, "live", &options, release.as_deref());
    let live_index = config.files.len();
    let findings = audit
        .diagnostics
        .iter()
        .zip(audit.live)
        .map(|(d, live)| {
            let (file, line) = if d.file == live_index {
                (None, None)
            } else {
                let f = &config.files[d.file];
                (
                    Some(f.source.name.clone()),
                    Some(f.source.position(d.span.start).0),
                )
            };
            (
                FindingKey {
                    code: d.code,
                    message: d.message.clone(),
                    file,
                    line,
                    key: d.key.clone(),
                    value: if d.file == live_index {
                        None
                    } else {
                        d.value.clone()
                    },
                    live,
                },
                d.severity,
                d.name,
                d.help.clone(),
            )
        })
        .collect();
    let unreadable_keys = snap.unreadable.len();
    let values = snap
        .values
        .into_iter()
        .filter(|(k, _)| !read_only(k))
        .map(|(k, v)| {
            let v = display_value(&v);
            (k, v)
        })
        .collect();
    HostResult {
        name,
        kernel: release,
        unreadable_keys,
        values,
        findings,
        error: None,
    }
}

fn run_fleet(config: &Config, paths: &[PathBuf], opts: &AuditOptions) -> FleetReport {
    let threads = std::thread::available_parallelism()
        .map_or(4, |n| n.get())
        .clamp(1, 64);
    let batch = threads * 32;
    let mut report = FleetReport::default();
    // key -> values with their hosts (the most common value first at the end).
    let mut values: HashMap<String, KeyValues> = HashMap::new();
    // Positions in `report.findings`, by identity (the finding holds the strings).
    let mut findings: hashbrown::HashTable<u32> = hashbrown::HashTable::new();
    for chunk in paths.chunks(batch) {
        let per_thread = chunk.len().div_ceil(threads).max(1);
        let results: Vec<HostResult> = std::thread::scope(|scope| {
            let handles: Vec<_> = chunk
                .chunks(per_thread)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|p| audit_snapshot_file(config, p, opts))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        for r in results {
            let host = report.hosts.len() as u32;
            let mut counts = Counts::default();
            if let Some(e) = &r.error {
                counts.errors += 1;
                let fk = FindingKey {
                    code: "SL100",
                    message: e.clone(),
                    file: None,
                    line: None,
                    key: None,
                    value: None,
                    live: None,
                };
                merge_finding(
                    &mut report,
                    &mut findings,
                    fk,
                    Severity::Error,
                    "unreadable-input",
                    None,
                    host,
                );
            }
            for (k, v) in r.values {
                values.entry(k).or_default().add(v, host);
            }
            for (fk, sev, name, help) in r.findings {
                match sev {
                    Severity::Error => counts.errors += 1,
                    Severity::Warning => counts.warnings += 1,
                    Severity::Info => counts.infos += 1,
                }
                merge_finding(&mut report, &mut findings, fk, sev, name, help, host);
            }
            report.hosts.push(FleetHost {
                name: r.name,
                kernel: r.kernel,
                counts,
                unreadable_keys: r.unreadable_keys,
            });
        }
    }
    let n = report.hosts.len() as u32;
    let mut diffs: Vec<KeyDifference> = values
        .into_iter()
        .filter_map(|(key, vals)| {
            let mut vals = vals.values;
            let present: usize = vals.iter().map(|(_, h)| h.len()).sum();
            if vals.len() < 2 && present == n as usize {
                return None;
            }
            let absent = HostSet::complement(vals.iter().map(|(_, h)| h), n);
            vals.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
            Some(KeyDifference {
                key,
                values: vals,
                absent,
            })
        })
        .collect();
    diffs.sort_by(|a, b| a.key.cmp(&b.key));
    report.differences = diffs;
    report.findings.sort_by(|a, b| {
        (&a.file, a.line, a.code, &a.key, &a.message)
            .cmp(&(&b.file, b.line, b.code, &b.key, &b.message))
    });
    report
}

/// The hash of a finding's identity (the fields of [`FindingKey`]).
#[allow(clippy::too_many_arguments)]
fn finding_hash(
    code: &str,
    message: &str,
    file: Option<&str>,
    line: Option<usize>,
    key: Option<&str>,
    value: Option<&str>,
    live: Option<&str>,
) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one((code, message, file, line, key, value, live))
}

fn fleet_finding_hash(f: &FleetFinding) -> u64 {
    finding_hash(
        f.code,
        &f.message,
        f.file.as_deref(),
        f.line,
        f.key.as_deref(),
        f.value.as_deref(),
        f.live.as_deref(),
    )
}

fn merge_finding(
    report: &mut FleetReport,
    index: &mut hashbrown::HashTable<u32>,
    fk: FindingKey,
    severity: Severity,
    name: &'static str,
    help: Option<String>,
    host: u32,
) {
    let hash = finding_hash(
        fk.code,
        &fk.message,
        fk.file.as_deref(),
        fk.line,
        fk.key.as_deref(),
        fk.value.as_deref(),
        fk.live.as_deref(),
    );
    let same = |f: &FleetFinding| {
        f.code == fk.code
            && f.message == fk.message
            && f.file == fk.file
            && f.line == fk.line
            && f.key == fk.key
            && f.value == fk.value
            && f.live == fk.live
    };
    if let Some(&i) = index.find(hash, |&i| same(&report.findings[i as usize])) {
        report.findings[i as usize].hosts.push(host);
        return;
    }
    let mut hosts = HostSet::default();
    hosts.push(host);
    let findings = &report.findings;
    index.insert_unique(hash, findings.len() as u32, |&i| {
        fleet_finding_hash(&findings[i as usize])
    });
    report.findings.push(FleetFinding {
        code: fk.code,
        name,
        severity,
        message: fk.message,
        help,
        file: fk.file,
        line: fk.line,
        key: fk.key,
        value: fk.value,
        live: fk.live,
        hosts,
    });
}

// ---------------------------------------------------------------------------
// Reports

/// The human report: a header, the socket table, the findings (through the `check`
/// renderer, with source snippets of both the configuration and the live file), and
/// for a fleet the differences and grouped findings.
pub fn render_human(o: &AuditOutcome, color: bool) -> String {
    let mut s = String::new();
    match &o.fleet {
        None => {
            s.push_str(&format!(
                "Audit of {} (kernel {}), live values from {}, configuration as {} reads it ({})\n\n",
                field(&o.host),
                field(o.kernel_release.as_deref().unwrap_or("unknown")),
                field(&o.live_source),
                o.loader,
                files_word(o.files.len().saturating_sub(1))
            ));
            if let Some(sock) = &o.sockets {
                s.push_str(&sock.to_string());
                s.push('\n');
            }
            s.push_str(&report::human::render(&o.files, &o.diagnostics, color));
        }
        Some(f) => {
            s.push_str(&format!(
                "Fleet audit of {} hosts, configuration as {} reads it ({})\n\n",
                f.hosts.len(),
                o.loader,
                files_word(o.files.len())
            ));
            render_fleet(&mut s, f);
            let hosts_with = f
                .hosts
                .iter()
                .filter(|h| h.counts != Counts::default())
                .count();
            s.push_str(&format!(
                "{} ({} of {} hosts have findings)\n",
                report::summary_line(o.counts(), o.files.len()),
                hosts_with,
                f.hosts.len()
            ));
        }
    }
    s
}

/// A one-line field of the human report, with control characters escaped
/// (host names, kernel releases and values come from the snapshots).
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    crate::escape::escape_bytes(s.as_bytes())
}

fn files_word(n: usize) -> String {
    if n == 1 {
        "1 file".to_owned()
    } else {
        format!("{n} files")
    }
}

const SHOWN_HOSTS: usize = 8;

fn host_list(f: &FleetReport, hosts: &HostSet) -> String {
    let total = hosts.len();
    let mut names: Vec<std::borrow::Cow<'_, str>> = hosts
        .iter()
        .take(SHOWN_HOSTS)
        .map(|i| field(&f.hosts[i as usize].name))
        .collect();
    if total > SHOWN_HOSTS {
        names.push("...".into());
        return format!("{} ({total} hosts)", names.join(", "));
    }
    names.join(", ")
}

fn render_fleet(s: &mut String, f: &FleetReport) {
    let width = f
        .hosts
        .iter()
        .map(|h| field(&h.name).chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    if f.hosts.len() <= 50 {
        s.push_str(&format!(
            "{:width$}  {:24}  {:>6}  {:>8}  {:>5}\n",
            "host", "kernel", "errors", "warnings", "infos"
        ));
        for h in &f.hosts {
            s.push_str(&format!(
                "{:width$}  {:24}  {:>6}  {:>8}  {:>5}\n",
                field(&h.name),
                field(h.kernel.as_deref().unwrap_or("?")),
                h.counts.errors,
                h.counts.warnings,
                h.counts.infos
            ));
        }
        s.push('\n');
    }
    if f.differences.is_empty() {
        s.push_str("No key differs between hosts.\n\n");
    } else {
        s.push_str(&format!(
            "Keys that differ between hosts ({}):\n",
            f.differences.len()
        ));
        for d in &f.differences {
            s.push_str(&format!("  {}\n", field(&d.key)));
            for (v, hosts) in &d.values {
                s.push_str(&format!("    = {}: {}\n", field(v), host_list(f, hosts)));
            }
            if !d.absent.is_empty() {
                s.push_str(&format!("    (absent): {}\n", host_list(f, &d.absent)));
            }
        }
        s.push('\n');
    }
    if !f.findings.is_empty() {
        s.push_str(&format!("Findings ({} distinct):\n", f.findings.len()));
        for x in &f.findings {
            let at = match (&x.file, x.line) {
                (Some(file), Some(line)) => format!("{}:{line}: ", field(file)),
                _ => "live: ".to_owned(),
            };
            s.push_str(&format!(
                "  {at}{}[{} {}] {}\n",
                x.severity,
                x.code,
                x.name,
                field(&x.message)
            ));
            if let Some(h) = &x.help {
                s.push_str(&format!("      help: {}\n", field(h)));
            }
            s.push_str(&format!("      hosts: {}\n", host_list(f, &x.hosts)));
        }
        s.push('\n');
    }
}

/// The JSON report (shape in the module documentation).
pub fn to_json(o: &AuditOutcome) -> Value {
    let mut v = to_json_without_fleet(o);
    if let Some(obj) = v.as_object_mut() {
        obj.insert(
            "fleet".to_owned(),
            o.fleet.as_ref().map_or(Value::Null, |f| {
                serde_json::to_value(FleetJson::new(f)).unwrap_or(Value::Null)
            }),
        );
    }
    v
}

/// [`to_json`] with `"fleet": null`.
fn to_json_without_fleet(o: &AuditOutcome) -> Value {
    let mut v = report::json::to_value(&o.files, &o.diagnostics, &o.kernel.to_string());
    if let Some(diags) = v.get_mut("diagnostics").and_then(Value::as_array_mut) {
        for (d, live) in diags.iter_mut().zip(&o.live) {
            if let Some(obj) = d.as_object_mut() {
                obj.insert("live".to_owned(), json!(live));
            }
        }
    }
    let counts = o.counts();
    if let Some(obj) = v.as_object_mut() {
        obj.insert("host".to_owned(), json!(o.host));
        obj.insert("kernel_release".to_owned(), json!(o.kernel_release));
        obj.insert("loader".to_owned(), json!(o.loader.name()));
        obj.insert("live_source".to_owned(), json!(o.live_source));
        obj.insert(
            "summary".to_owned(),
            json!({
                "files": o.files.len(),
                "errors": counts.errors,
                "warnings": counts.warnings,
                "infos": counts.infos,
            }),
        );
        obj.insert(
            "sockets".to_owned(),
            serde_json::to_value(&o.sockets).unwrap_or(Value::Null),
        );
        obj.insert("fleet".to_owned(), Value::Null);
    }
    v
}

/// The JSON report as text (the same document as [`to_json`]): a fleet's part
/// is written straight from the report, never built as a `Value`, which for
/// 10,000 hosts with per-host values would take several times the report's memory.
pub fn render_json(o: &AuditOutcome) -> String {
    /// The document of [`to_json`] without the fleet, then the fleet in its place.
    struct Document<'a> {
        base: Value,
        fleet: Option<FleetJson<'a>>,
    }
    impl serde::Serialize for Document<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let Some(base) = self.base.as_object() else {
                return self.base.serialize(serializer);
            };
            let mut map = serializer.serialize_map(Some(base.len()))?;
            for (k, v) in base {
                match (k.as_str(), &self.fleet) {
                    ("fleet", Some(f)) => map.serialize_entry(k, f)?,
                    _ => map.serialize_entry(k, v)?,
                }
            }
            map.end()
        }
    }
    let doc = Document {
        base: to_json_without_fleet(o),
        fleet: o.fleet.as_ref().map(FleetJson::new),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// A fleet report as JSON, borrowed from the report (fields in the order a JSON
/// object of `serde_json` has them: sorted).
#[derive(serde::Serialize)]
struct FleetJson<'a> {
    differences: Vec<DifferenceJson<'a>>,
    findings: Vec<FindingJson<'a>>,
    hosts: Vec<HostJson<'a>>,
}

#[derive(serde::Serialize)]
struct DifferenceJson<'a> {
    absent: HostNames<'a>,
    key: &'a str,
    values: Vec<ValueJson<'a>>,
}

#[derive(serde::Serialize)]
struct ValueJson<'a> {
    count: usize,
    /// The most common value comes first and does not list its hosts (every host
    /// not named elsewhere): 10,000 names per key otherwise.
    hosts: Option<HostNames<'a>>,
    value: &'a str,
}

#[derive(serde::Serialize)]
struct FindingJson<'a> {
    code: &'static str,
    file: Option<&'a str>,
    help: Option<&'a str>,
    hosts: HostNames<'a>,
    key: Option<&'a str>,
    line: Option<usize>,
    live: Option<&'a str>,
    message: &'a str,
    name: &'static str,
    severity: &'static str,
    value: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct HostJson<'a> {
    errors: usize,
    infos: usize,
    kernel: Option<&'a str>,
    name: &'a str,
    unreadable_keys: usize,
    warnings: usize,
}

/// The names of a set of hosts, written one by one.
struct HostNames<'a> {
    fleet: &'a FleetReport,
    hosts: &'a HostSet,
}

impl serde::Serialize for HostNames<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.hosts
                .iter()
                .map(|i| self.fleet.hosts[i as usize].name.as_str()),
        )
    }
}

impl<'a> FleetJson<'a> {
    fn new(f: &'a FleetReport) -> FleetJson<'a> {
        let names = |hosts: &'a HostSet| HostNames { fleet: f, hosts };
        FleetJson {
            hosts: f
                .hosts
                .iter()
                .map(|h| HostJson {
                    name: &h.name,
                    kernel: h.kernel.as_deref(),
                    errors: h.counts.errors,
                    warnings: h.counts.warnings,
                    infos: h.counts.infos,
                    unreadable_keys: h.unreadable_keys,
                })
                .collect(),
            differences: f
                .differences
                .iter()
                .map(|d| DifferenceJson {
                    key: &d.key,
                    values: d
                        .values
                        .iter()
                        .enumerate()
                        .map(|(i, (v, hs))| ValueJson {
                            value: v,
                            count: hs.len(),
                            hosts: (i > 0).then(|| names(hs)),
                        })
                        .collect(),
                    absent: names(&d.absent),
                })
                .collect(),
            findings: f
                .findings
                .iter()
                .map(|x| FindingJson {
                    code: x.code,
                    name: x.name,
                    severity: x.severity.as_str(),
                    message: &x.message,
                    help: x.help.as_deref(),
                    file: x.file.as_deref(),
                    line: x.line,
                    key: x.key.as_deref(),
                    value: x.value.as_deref(),
                    live: x.live.as_deref(),
                    hosts: names(&x.hosts),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let audit = audit_host(&config, &live, "live", &Options::default(), None);
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
            ("audit.rs", include_str!("audit.rs")),
            ("sockets.rs", include_str!("sockets.rs")),
        ] {
            for f in forbidden {
                assert!(!src.contains(f), "{name} contains {f}");
            }
        }
    }
}
