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
//!   "config_files": 1,
//!   "values": {"net.ipv4.tcp_syncookies": "0", "vm.swappiness": "60"},
//!   "fleet": null | {
//!     "hosts": [{"name": "web01", "kernel": "6.18.44-fc-v595", "errors": 0, "warnings": 2, "infos": 0, "unreadable_keys": 0}],
//!     "differences": [{"key": "net.core.somaxconn",
//!                      "values": [{"value": "4096", "count": 2, "hosts": null}, {"value": "128", "count": 1, "hosts": ["web02"]}],
//!                      "absent": []}],
//!     "findings": [{"code": "SL801", "name": "live-drift", "severity": "warning", "message": "...",
//!                   "note": "... possibly: it was changed at runtime after boot ...", "help": "...",
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
//! - `config_files`: how many of the first `files` are configuration files (the
//!   others show live values). `values` (one host; `{}` for a fleet): the live
//!   values, as shown (tabs as single spaces), of the keys the configuration sets
//!   (explicitly or by a glob) and of the keys a finding names, that the host has.
//!   It is bounded by the configuration and the findings, not every kernel key;
//!   `sysctl-lint fleet` compares hosts by it ([`merge_reports`]).
//! - With several snapshots (a fleet), `diagnostics` is empty and the findings are in
//!   `fleet.findings`, grouped: one entry per distinct finding with the hosts that
//!   have it (`file`/`line` are `null` for findings about live values). The note
//!   (the why: a drift's likely cause) is part of what makes findings the same, so
//!   hosts with different causes are separate entries; the host's kernel release
//!   in a note reads `the host's release` (the hosts list has each one). `summary`
//!   counts every host's findings. `differences` lists only keys with more than one
//!   value across hosts (read-only and per-host-by-design keys such as
//!   `kernel.hostname` or `kernel.random.uuid` are left out), most common value
//!   first; that one has `"hosts": null` (it is every host not named under another
//!   value or in `absent`), which keeps the report small for 10,000 hosts; `absent`
//!   names the hosts without the key.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::catalog::{self, Access, KeyInfo, Status, ValueType};
use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::effective::{self, Effective};
use crate::fsroot::{FsError, Kind, Resolved, Root};
use crate::key::{GlobIndex, Key};
use crate::lint::{FileData, Options, Setting};
use crate::report::Counts;
use crate::sockets::{self, Limits, SocketSummary};
use crate::source::SourceFile;
use crate::system::{self, Loader};
use crate::value;
use crate::version::KernelVersion;

mod causes;
mod fleet;
mod host;
mod live;
mod reports;
mod snapshot;
#[cfg(test)]
mod tests;

pub use crate::report::audit::{
    fleet_counts, render_human, render_human_with, render_json, render_reports_human,
    render_reports_human_with, render_reports_json, render_reports_short, to_json,
};
pub(crate) use causes::*;
pub use fleet::*;
pub(crate) use host::*;
pub use live::*;
pub use reports::*;
pub use snapshot::*;

// ---------------------------------------------------------------------------
// Options and outcome

/// What `audit` reads and how it judges.
#[derive(Debug, Clone)]
pub struct AuditOptions {
    /// The configuration tree (`/` on a real host), read like `sysctl-lint system`.
    /// `None`: no configuration (a fleet of snapshots from other hosts is
    /// never judged against the configuration of the host running the audit).
    pub root: Option<PathBuf>,
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
    /// Configuration files left out (`--exclude`, by boot path).
    pub exclude: crate::input::Exclude,
}

impl Default for AuditOptions {
    fn default() -> Self {
        AuditOptions {
            root: Some(PathBuf::from("/")),
            loader: None,
            proc_root: PathBuf::from("/proc"),
            snapshots: Vec::new(),
            sockets: false,
            options: Options::default(),
            running_kernel: true,
            exclude: crate::input::Exclude::default(),
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
    /// The configuration files, then (single host) one file per live value with
    /// a finding, named after its source (`/proc/sys/net/ipv4/tcp_tw_reuse`,
    /// `snapshot host1.txt:812`).
    pub files: Vec<FileData>,
    /// How many of `files` are configuration files.
    pub config_files: usize,
    /// Sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    pub sockets: Option<SocketSummary>,
    pub fleet: Option<FleetReport>,
    /// Configuration files that could not be read (the CLI exits 2, as `check` does).
    pub unreadable_files: usize,
    /// Single host: the live values (as shown: tabs as spaces) of the keys the
    /// configuration sets and of the keys a finding names, for `sysctl-lint
    /// fleet` to compare hosts by; bounded by the configuration and the findings.
    /// Empty for a fleet.
    pub values: BTreeMap<String, String>,
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
// Entry point

/// Run the audit the options describe. Errors: a snapshot or directory that cannot
/// be read, or a proc tree without `sys/`.
pub fn run(opts: &AuditOptions) -> Result<AuditOutcome, String> {
    let config = match &opts.root {
        Some(root) => Config::load(root, opts.loader, &opts.exclude),
        None => Config::new(Vec::new(), opts.loader.unwrap_or(Loader::Systemd)),
    };
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
        let config_files = config.files.len();
        let mut outcome = AuditOutcome {
            config_files,
            host: "fleet".to_owned(),
            kernel_release: None,
            kernel: opts.options.kernel.clone(),
            loader: config.loader,
            live_source: format!("{} snapshots", snapshot_files.len()),
            diagnostics: unreadable_config(&config.files),
            files: config.files,
            sockets: None,
            fleet: Some(fleet),
            unreadable_files,
            values: BTreeMap::new(),
        };
        outcome.files.shrink_to_fit();
        return Ok(outcome);
    }

    let (snap, host, release, live_name, source, evidence) = if single_snapshot {
        let path = &snapshot_files[0];
        let snap = match read_snapshot(path, true) {
            Ok(s) => s,
            Err(e) => return Ok(unreadable_snapshot(config, opts, path, e.reason)),
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
            Evidence::default(),
        )
    } else {
        let sys = opts.proc_root.join("sys");
        if !sys.is_dir() {
            let reason = crate::fsroot::FsError::NotADirectory.reason_text();
            return Ok(unreadable_snapshot(config, opts, &sys, reason));
        }
        let snap = read_proc(&opts.proc_root);
        let host = snap
            .get("kernel.hostname")
            .map(str::to_owned)
            .unwrap_or_else(|| "localhost".to_owned());
        let release = kernel_release(&opts.proc_root);
        let shown = crate::escape::escape_path(&sys).into_owned();
        let evidence = Evidence::read(&opts.proc_root);
        (
            snap,
            host,
            release,
            format!("live:{shown}"),
            shown,
            evidence,
        )
    };
    let mut options = effective_options(&opts.options, release.as_deref(), opts.running_kernel);
    if !single_snapshot {
        options.live_listening = sockets::listening_ports(&opts.proc_root);
    }
    let mut audit = audit_host(
        &config,
        &snap,
        &live_name,
        &options,
        release.as_deref(),
        &evidence,
    );
    let live_index = config.files.len();
    let mut extra_files = Vec::new();
    let mut unreadable_files = unreadable_files;

    let sockets = if opts.sockets && !single_snapshot {
        let limits = Limits::from_lookup(&|name: &str| {
            snap.get(&format!("net.ipv4.{name}")).map(display_value)
        });
        match sockets::summarize(&opts.proc_root, &limits) {
            Ok(summary) => {
                let lv = snap.get("net.ipv4.ip_local_port_range").map(display_value);
                if let Some((mut d, l)) =
                    exhaustion_finding(&config, &summary, &audit.live_file, live_index, lv)
                {
                    d.live = l;
                    let at = audit
                        .diagnostics
                        .iter()
                        .position(|x| {
                            (x.file, x.span.start, x.code) > (d.file, d.span.start, d.code)
                        })
                        .unwrap_or(audit.diagnostics.len());
                    audit.diagnostics.insert(at, d);
                }
                Some(summary)
            }
            Err(reason) => {
                // An SL100 on the socket tables, after the live findings.
                extra_files.push((
                    format!("{}/net/tcp", crate::escape::escape_path(&opts.proc_root)),
                    reason,
                ));
                unreadable_files += 1;
                None
            }
        }
    } else {
        None
    };

    // The values a fleet merge of single-host reports compares hosts by.
    let values: BTreeMap<String, String> = audit
        .configured
        .iter()
        .map(String::as_str)
        .chain(audit.diagnostics.iter().filter_map(|d| d.key.as_deref()))
        .filter_map(|k| Some((k.to_owned(), display_value(snap.get(k)?))))
        .collect();
    let live_source = match (single_snapshot, &source) {
        (true, file) => LiveSource::Snapshot(file),
        (false, _) => LiveSource::Proc(source.strip_suffix("/sys").unwrap_or(&source)),
    };
    let mut files = config.files;
    let placed = place_on_sources(
        &mut audit.diagnostics,
        &audit.live_file,
        live_index,
        live_source,
        &snap,
    );
    let config_files = files.len();
    files.extend(placed);
    let config_errors = unreadable_config(&files[..config_files]);
    audit.diagnostics.splice(0..0, config_errors);
    for (name, reason) in extra_files {
        audit.diagnostics.push(
            Diagnostic::unreadable(files.len(), &name, &reason)
                .help(crate::msg!("sl100-help-read")),
        );
        files.push(FileData::unreadable(name, reason));
    }
    Ok(AuditOutcome {
        config_files,
        host,
        kernel_release: release,
        kernel: options.kernel,
        loader: config.loader,
        live_source: source,
        files,
        diagnostics: audit.diagnostics,
        sockets,
        fleet: None,
        unreadable_files,
        values,
    })
}

/// SL100 for each configuration file that could not be read.
fn unreadable_config(files: &[FileData]) -> Vec<Diagnostic> {
    files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let reason = f.read_error.as_ref()?;
            Some(
                Diagnostic::unreadable(i, &f.source.name, reason)
                    .help(crate::msg!("sl100-help-read")),
            )
        })
        .collect()
}

/// The outcome of an audit whose live values (one snapshot, the proc tree) could
/// not be read: the SL100.
fn unreadable_snapshot(
    config: Config,
    opts: &AuditOptions,
    path: &Path,
    reason: Text,
) -> AuditOutcome {
    let mut files = config.files;
    let index = files.len();
    let name = crate::escape::escape_path(path).into_owned();
    let diagnostic =
        Diagnostic::unreadable(index, &name, &reason).help(crate::msg!("sl100-help-read"));
    files.push(FileData::unreadable(name.clone(), reason));
    let unreadable_files = files.iter().filter(|f| f.read_error.is_some()).count();
    AuditOutcome {
        config_files: index,
        host: host_name(path),
        kernel_release: None,
        kernel: opts.options.kernel.clone(),
        loader: config.loader,
        live_source: name,
        files,
        diagnostics: vec![diagnostic],
        sockets: None,
        fleet: None,
        unreadable_files,
        values: BTreeMap::new(),
    }
}
