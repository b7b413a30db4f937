//! Fleets: many snapshots judged against one configuration, merged into host
//! sets per finding and per differing key.

use super::*;

/// Hosts as runs of consecutive indices (most keys have one value on almost every
/// host, so this stays tiny for 10,000 hosts).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostSet(pub(crate) Vec<(u32, u32)>);

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
    pub(crate) fn complement<'a>(sets: impl Iterator<Item = &'a HostSet>, n: u32) -> HostSet {
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
pub(crate) struct KeyValues {
    pub(crate) values: Vec<(String, HostSet)>,
    /// Positions in `values` by value, from [`KeyValues::INDEX_FROM`] values on.
    pub(crate) index: hashbrown::HashTable<u32>,
}

impl KeyValues {
    const INDEX_FROM: usize = 8;

    pub(crate) fn hash(value: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(value)
    }

    /// Record that `host` has `value` (hosts arrive in increasing order).
    pub(crate) fn add(&mut self, value: String, host: u32) {
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
    /// The why (the likely cause of a drift): part of the identity, so hosts
    /// with different causes stay apart.
    pub note: Option<String>,
    pub help: Option<String>,
    /// Configuration file and 1-based line; `None` for findings about live values.
    pub file: Option<String>,
    pub line: Option<usize>,
    pub key: Option<String>,
    pub value: Option<String>,
    pub live: Option<String>,
    pub hosts: HostSet,
    /// The message, note and help in the run's language, when a host gave them
    /// (the first host's; the identity is the English).
    pub shown: Option<Box<Shown>>,
}

/// A finding's texts in the run's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub message: String,
    pub note: Option<String>,
    pub help: Option<String>,
}

impl FleetFinding {
    /// The message as shown to people (the run's language when a host gave it).
    pub fn message_shown(&self) -> &str {
        self.shown.as_ref().map_or(&self.message, |s| &s.message)
    }

    /// The note as shown to people.
    pub fn note_shown(&self) -> Option<&str> {
        match &self.shown {
            Some(s) => s.note.as_deref(),
            None => self.note.as_deref(),
        }
    }

    /// The help as shown to people.
    pub fn help_shown(&self) -> Option<&str> {
        match &self.shown {
            Some(s) => s.help.as_deref(),
            None => self.help.as_deref(),
        }
    }
}

/// The fleet report: per-host counts, differences between hosts, grouped findings.
#[derive(Debug, Clone, Default)]
pub struct FleetReport {
    pub hosts: Vec<FleetHost>,
    pub differences: Vec<KeyDifference>,
    pub findings: Vec<FleetFinding>,
}

impl FleetReport {
    /// How many hosts have at least one finding.
    pub fn hosts_with_findings(&self) -> usize {
        self.hosts
            .iter()
            .filter(|h| h.counts != crate::report::Counts::default())
            .count()
    }

    /// Keep the findings `keep(code, file)` accepts (SL100 always stays), give
    /// them the severity `severity(code)` says where it says one, and count
    /// each host's findings again.
    pub fn retain_findings(
        &mut self,
        keep: impl Fn(&str, Option<&str>) -> bool,
        severity: impl Fn(&str) -> Option<Severity>,
    ) {
        self.findings
            .retain(|f| f.code == "SL100" || keep(f.code, f.file.as_deref()));
        for f in &mut self.findings {
            if let Some(s) = severity(f.code).filter(|_| f.code != "SL100") {
                f.severity = s;
            }
        }
        self.recount();
    }

    /// Each host's counts from the findings that name it.
    fn recount(&mut self) {
        for h in &mut self.hosts {
            h.counts = Counts::default();
        }
        for f in &self.findings {
            for i in f.hosts.iter() {
                let c = &mut self.hosts[i as usize].counts;
                match f.severity {
                    Severity::Error => c.errors += 1,
                    Severity::Warning => c.warnings += 1,
                    Severity::Info => c.infos += 1,
                }
            }
        }
    }
}

/// What a worker hands back for one host.
pub(crate) struct HostResult {
    pub(crate) name: String,
    pub(crate) kernel: Option<String>,
    pub(crate) unreadable_keys: usize,
    pub(crate) values: Vec<(String, String)>,
    pub(crate) findings: Vec<HostFinding>,
    pub(crate) error: Option<String>,
}

/// One finding of a host.
pub(crate) struct HostFinding {
    /// Its identity across hosts.
    pub(crate) key: FindingKey,
    pub(crate) severity: Severity,
    /// The rule's name.
    pub(crate) name: &'static str,
    pub(crate) help: Option<String>,
    /// Its texts in the run's language, when the host gave them.
    pub(crate) shown: Option<Box<Shown>>,
}

/// Identity of a finding across hosts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct FindingKey {
    pub(crate) code: &'static str,
    pub(crate) message: String,
    pub(crate) note: Option<String>,
    pub(crate) file: Option<String>,
    pub(crate) line: Option<usize>,
    pub(crate) key: Option<String>,
    pub(crate) value: Option<String>,
    pub(crate) live: Option<String>,
}

pub(crate) fn audit_snapshot_file(config: &Config, path: &Path, opts: &AuditOptions) -> HostResult {
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
                error: Some(e.message()),
            }
        }
    };
    let release = snap.get("kernel.osrelease").map(str::to_owned);
    let options = effective_options(&opts.options, release.as_deref(), opts.running_kernel);
    let audit = audit_host(
        config,
        &snap,
        "live",
        &options,
        release.as_deref(),
        &Evidence::default(),
    );
    let live_index = config.files.len();
    let findings = audit
        .diagnostics
        .iter()
        .map(|d| {
            let live = d.live.clone();
            let (file, line) = if d.file == live_index {
                (None, None)
            } else {
                let f = &config.files[d.file];
                (
                    Some(f.source.name.clone()),
                    Some(f.source.position(d.span.start).0),
                )
            };
            HostFinding {
                key: FindingKey {
                    code: d.code,
                    message: d.message.clone(),
                    note: d.note.clone(),
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
                severity: d.severity,
                name: d.name,
                help: d.help.clone(),
                shown: d.localized.is_some().then(|| {
                    Box::new(Shown {
                        message: d.message_shown().to_owned(),
                        note: d.note_shown().map(str::to_owned),
                        help: d.help_shown().map(str::to_owned),
                    })
                }),
            }
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

pub(crate) fn run_fleet(config: &Config, paths: &[PathBuf], opts: &AuditOptions) -> FleetReport {
    let threads = std::thread::available_parallelism()
        .map_or(4, |n| n.get())
        .clamp(1, 64);
    let batch = threads * 32;
    let mut merger = FleetMerger::default();
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
            merger.add(r);
        }
    }
    // A key some hosts have is not missing from the kernel of the others: their
    // snapshots differ (a module not loaded there, a partial dump), which the
    // differences show; SL802 is for keys no host has.
    merger.finish(true)
}

/// Hosts merged one by one into a [`FleetReport`]: the findings grouped by
/// identity (a hash index into `report.findings`), the values of each key
/// grouped by value. Adding a host costs the same whatever the fleet's size.
#[derive(Default)]
pub(crate) struct FleetMerger {
    report: FleetReport,
    /// key -> values with their hosts.
    values: HashMap<String, KeyValues>,
    /// Positions in `report.findings`, by identity (the finding holds the strings).
    findings: hashbrown::HashTable<u32>,
}

impl FleetMerger {
    /// Add the next host.
    pub(crate) fn add(&mut self, r: HostResult) {
        let report = &mut self.report;
        let host = report.hosts.len() as u32;
        let mut counts = Counts::default();
        if let Some(e) = &r.error {
            counts.errors += 1;
            let fk = FindingKey {
                code: "SL100",
                message: e.clone(),
                note: None,
                file: None,
                line: None,
                key: None,
                value: None,
                live: None,
            };
            merge_finding(
                report,
                &mut self.findings,
                HostFinding {
                    key: fk,
                    severity: Severity::Error,
                    name: "unreadable-input",
                    help: None,
                    shown: None,
                },
                host,
            );
        }
        for (k, v) in r.values {
            self.values.entry(k).or_default().add(v, host);
        }
        for mut finding in r.findings {
            // A note naming the host's kernel release (SL802: "does not exist on
            // the running kernel (6.1.0-18-amd64)") would split a finding per
            // release; the hosts table has each host's release.
            if let Some(k) = r.kernel.as_deref().filter(|k| !k.is_empty()) {
                if let Some(note) = finding.key.note.as_mut().filter(|n| n.contains(k)) {
                    let instead =
                        crate::i18n::tr_in(crate::i18n::Lang::En, "fleet-host-release", &[]);
                    *note = note.replace(k, &instead);
                }
                if let Some(note) = finding
                    .shown
                    .as_mut()
                    .and_then(|s| s.note.as_mut())
                    .filter(|n| n.contains(k))
                {
                    *note = note.replace(k, &crate::i18n::tr("fleet-host-release", &[]));
                }
            }
            match finding.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
            merge_finding(report, &mut self.findings, finding, host);
        }
        report.hosts.push(FleetHost {
            name: r.name,
            kernel: r.kernel,
            counts,
            unreadable_keys: r.unreadable_keys,
        });
    }

    /// The report: keys with more than one value (or absent on some hosts),
    /// findings sorted. `present_not_missing`: drop SL802 on a key some host
    /// has (snapshots can be partial; a host's own audit of its kernel is not).
    pub(crate) fn finish(self, present_not_missing: bool) -> FleetReport {
        let FleetMerger {
            mut report, values, ..
        } = self;
        if present_not_missing {
            let before = report.findings.len();
            report.findings.retain(|f| {
                !(f.code == "SL802" && f.key.as_deref().is_some_and(|k| values.contains_key(k)))
            });
            if report.findings.len() != before {
                report.recount();
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
            (&a.file, a.line, a.code, &a.key, &a.message, &a.note)
                .cmp(&(&b.file, b.line, b.code, &b.key, &b.message, &b.note))
        });
        report
    }
}

/// The hash of a finding's identity (the fields of [`FindingKey`]).
#[allow(clippy::too_many_arguments)]
pub(crate) fn finding_hash(
    code: &str,
    message: &str,
    note: Option<&str>,
    file: Option<&str>,
    line: Option<usize>,
    key: Option<&str>,
    value: Option<&str>,
    live: Option<&str>,
) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one((code, message, note, file, line, key, value, live))
}

pub(crate) fn fleet_finding_hash(f: &FleetFinding) -> u64 {
    finding_hash(
        f.code,
        &f.message,
        f.note.as_deref(),
        f.file.as_deref(),
        f.line,
        f.key.as_deref(),
        f.value.as_deref(),
        f.live.as_deref(),
    )
}

pub(crate) fn merge_finding(
    report: &mut FleetReport,
    index: &mut hashbrown::HashTable<u32>,
    finding: HostFinding,
    host: u32,
) {
    let HostFinding {
        key: fk,
        severity,
        name,
        help,
        shown,
    } = finding;
    let hash = finding_hash(
        fk.code,
        &fk.message,
        fk.note.as_deref(),
        fk.file.as_deref(),
        fk.line,
        fk.key.as_deref(),
        fk.value.as_deref(),
        fk.live.as_deref(),
    );
    let same = |f: &FleetFinding| {
        fleet_work(1);
        f.code == fk.code
            && f.message == fk.message
            && f.note == fk.note
            && f.file == fk.file
            && f.line == fk.line
            && f.key == fk.key
            && f.value == fk.value
            && f.live == fk.live
    };
    if let Some(&i) = index.find(hash, |&i| same(&report.findings[i as usize])) {
        let f = &mut report.findings[i as usize];
        f.hosts.push(host);
        if f.shown.is_none() {
            f.shown = shown;
        }
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
        note: fk.note,
        help,
        file: fk.file,
        line: fk.line,
        key: fk.key,
        value: fk.value,
        live: fk.live,
        hosts,
        shown,
    });
}
