//! The allow-list of `tests/kernel_truth.rs`: which keys a namespace made for the
//! test may be written, derived from the kernel's own sysctl tables and the calls
//! that register them (`../shared/reference/kernel/ctl-tables/VERSION.txt`, the
//! release nearest below the running kernel).
//!
//! - **Network namespace**: the entries of tables registered with
//!   `register_net_sysctl*(net, …)` for a namespace other than `&init_net` (the
//!   kernel shows a child namespace only those), and only entries whose handler
//!   acts on the writer's namespace: the generic `proc_do*` handlers (they write
//!   `.data`, which `ensure_safe_net_sysctl()` guarantees is per-namespace from
//!   5.13 on, or makes read-only) and the custom handlers reviewed in
//!   [`NET_HANDLERS`]. Handlers with a global effect or that load modules are left
//!   out ([`NET_HANDLERS_LEFT_OUT`]), as is every handler not reviewed.
//! - **IPC namespace**: `ipc/ipc_sysctl.c` and `ipc/mq_sysctl.c`, registered to
//!   the namespace's own set (`&ns->ipc_set`, `&ns->mq_set`, 5.19 on) or, before,
//!   with handlers that pick the caller's namespace (`proc_ipc_*`, `proc_mq_*`).
//! - **UTS namespace**: `kernel/utsname_sysctl.c` entries whose handler
//!   `proc_do_uts_string` reads and writes the caller's namespace (`get_uts()`).
//!
//! On top of that, the families the project allows at all ([`family_allows`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The namespace kinds the test makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Net,
    Ipc,
    Uts,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Net, Kind::Ipc, Kind::Uts];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Net => "net",
            Kind::Ipc => "ipc",
            Kind::Uts => "uts",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// The `/proc/sys` directories the child walks for this kind.
    pub fn roots(self) -> &'static [&'static str] {
        match self {
            Kind::Net => &["net"],
            Kind::Ipc => &["kernel", "fs/mqueue"],
            Kind::Uts => &["kernel"],
        }
    }
}

/// The key families a test namespace may write at all, whatever the tables say
/// (the project's rule): `net.*` in a network namespace; `kernel.shm*`,
/// `kernel.msg*`, `kernel.sem` and `fs.mqueue.*` in an IPC namespace;
/// `kernel.hostname` and `kernel.domainname` in a UTS namespace. `path` is the
/// `/proc/sys`-relative path (`net/ipv4/tcp_sack`).
pub fn family_allows(kind: Kind, path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    match (kind, parts.as_slice()) {
        (Kind::Net, ["net", _, ..]) => true,
        (Kind::Ipc, ["kernel", name]) => {
            name.starts_with("shm") || name.starts_with("msg") || *name == "sem"
        }
        (Kind::Ipc, ["fs", "mqueue", _]) => true,
        (Kind::Uts, ["kernel", "hostname" | "domainname"]) => true,
        _ => false,
    }
}

/// Generic handlers: they parse the text and store it in `.data` (per namespace
/// in a child namespace, see the module comment), nothing else.
const GENERIC_HANDLERS: &[&str] = &[
    "proc_dointvec",
    "proc_dointvec_minmax",
    "proc_douintvec",
    "proc_douintvec_minmax",
    "proc_dou8vec_minmax",
    "proc_doulongvec_minmax",
    "proc_doulongvec_ms_jiffies_minmax",
    "proc_dointvec_jiffies",
    "proc_dointvec_userhz_jiffies",
    "proc_dointvec_ms_jiffies",
    "proc_dointvec_ms_jiffies_minmax",
    "proc_dobool",
    "proc_dostring",
    "proc_do_large_bitmap",
];

/// Custom handlers of per-namespace net tables that act only on the writer's
/// namespace (reviewed in the kernel source, 6.18).
const NET_HANDLERS: &[&str] = &[
    // net/ipv4/sysctl_net_ipv4.c: each takes `net` from the table (`container_of`
    // or `extra1`/`extra2`) and changes only its fields; the netevent and FIB
    // notifiers they call are for that namespace.
    "ipv4_local_port_range",
    "ipv4_privileged_ports",
    "ipv4_ping_group_range",
    "ipv4_fwd_update_priority",
    "proc_fib_multipath_hash_policy",
    "proc_fib_multipath_hash_fields",
    "proc_fib_multipath_hash_seed",
    "proc_tcp_fastopen_key",
    "proc_tfo_blackhole_detect_timeout",
    // net/ipv4/devinet.c, route.c
    "devinet_sysctl_forward",
    "ipv4_sysctl_rtcache_flush",
    // net/ipv6
    "addrconf_sysctl_forward",
    "addrconf_sysctl_force_forwarding",
    "addrconf_sysctl_mtu",
    "addrconf_sysctl_disable",
    "addrconf_sysctl_proxy_ndp",
    "addrconf_sysctl_stable_secret",
    "addrconf_sysctl_addr_gen_mode",
    "addrconf_sysctl_disable_policy",
    "addrconf_sysctl_ignore_routes_with_linkdown",
    "ipv6_sysctl_rtcache_flush",
    "proc_rt6_multipath_hash_policy",
    "proc_rt6_multipath_hash_fields",
    // net/bridge/br_netfilter_hooks.c: stores 0/1 in the namespace's brnet
    "brnf_sysctl_call_tables",
    // net/core/sysctl_net_core.c: the namespace's copy of the mask (6.7 on)
    "rps_default_mask_sysctl",
    // net/mptcp/ctrl.c: the namespace's pernet timeout
    "proc_blackhole_detect_timeout",
];

/// Custom handlers of per-namespace net tables that reach outside the namespace:
/// their keys are never written, and are listed as left out.
pub const NET_HANDLERS_LEFT_OUT: &[(&str, &str)] = &[
    (
        "proc_tcp_congestion_control",
        "loads a module (request_module(\"tcp_%s\")): modprobe runs on the host",
    ),
    (
        "nf_conntrack_log_invalid_sysctl",
        "loads nf_log_syslog (request_module) when no logger is registered",
    ),
    (
        "nf_hooks_lwtunnel_sysctl_handler",
        "turns on a global static key for every namespace, and it cannot be turned off",
    ),
    (
        "mpls_platform_labels",
        "allocates a label table sized by the value",
    ),
];

/// Register calls whose path is built at run time: the directory they make, and
/// the table they register (`None`: the table is a template built from macros,
/// absent from the excerpts; every entry under the directory is allowed, and the
/// template's handlers are listed here as reviewed).
const COMPUTED_PATHS: &[(&str, &str, Option<&str>, &str)] = &[
    (
        "net/ipv4/devinet.c",
        "net/ipv4/conf/*",
        None,
        "devinet_sysctl template: devinet_conf_proc, ipv4_doint_and_flush, devinet_sysctl_forward (the device's or the namespace's ipv4_devconf)",
    ),
    (
        "net/core/neighbour.c",
        "net/*/neigh/*",
        None,
        "neigh_sysctl_template: neigh_proc_dointvec*, neigh_proc_base_reachable_time, ndisc_ifinfo_sysctl_change (the device's neigh_parms)",
    ),
    ("net/ipv6/addrconf.c", "net/ipv6/conf/*", Some("addrconf_sysctl"), ""),
    ("net/mpls/af_mpls.c", "net/mpls/conf/*", Some("mpls_dev_table"), ""),
];

/// One entry of a `ctl_table` excerpt.
#[derive(Debug, Clone)]
pub struct Entry {
    pub procname: String,
    pub mode: Option<u32>,
    pub handler: String,
    /// The `.data` expression, if any (`&init_net.ipv4.sysctl_tcp_sack`).
    pub data: String,
}

#[derive(Debug, Clone)]
struct Table {
    name: String,
    entries: Vec<Entry>,
}

#[derive(Debug, Default)]
struct SourceFile {
    tables: Vec<Table>,
    registers: Vec<String>,
    /// `#define NAME "text"` (a register path such as `MPTCP_SYSCTL_PATH`).
    strings: BTreeMap<String, String>,
}

/// A register call: (namespace argument or set, path argument, table argument).
#[derive(Debug, Clone)]
struct Call {
    first: String,
    path: String,
    table: String,
}

/// One allowed pattern: `/proc/sys` components, `*` matching any one component.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Allowed {
    pub kind: Kind,
    pub pattern: String,
    /// Where it comes from (source file, handler).
    pub source: String,
}

/// A writable entry of a per-namespace table that is not allowed, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Refused {
    pub kind: Kind,
    pub pattern: String,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct AllowList {
    /// The reference release it was derived from (`6.18.2`).
    pub release: String,
    pub allowed: Vec<Allowed>,
    pub refused: Vec<Refused>,
}

/// `pattern` (`net/ipv4/conf/*/rp_filter`) matches `path` (`net/ipv4/conf/lo/rp_filter`).
pub fn pattern_matches(pattern: &str, path: &str) -> bool {
    let (mut p, mut k) = (pattern.split('/'), path.split('/'));
    loop {
        match (p.next(), k.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a == "*" || a == b => {}
            _ => return false,
        }
    }
}

impl AllowList {
    /// The entry allowing a write of `path` in a namespace of `kind`: in the
    /// families the project allows, and in the tables.
    pub fn allows(&self, kind: Kind, path: &str) -> Option<&Allowed> {
        if !family_allows(kind, path) {
            return None;
        }
        self.in_tables(kind, path)
    }

    /// The entry of the tables for `path`, whatever its family.
    pub fn in_tables(&self, kind: Kind, path: &str) -> Option<&Allowed> {
        self.allowed
            .iter()
            .find(|a| a.kind == kind && pattern_matches(&a.pattern, path))
    }

    pub fn refusal(&self, kind: Kind, path: &str) -> Option<&Refused> {
        self.refused
            .iter()
            .find(|r| r.kind == kind && pattern_matches(&r.pattern, path))
    }

    /// The list as TSV (`kind pattern source`), for the child process.
    pub fn to_tsv(&self) -> String {
        let mut out = format!("# derived from {}\n", self.release);
        for a in &self.allowed {
            out.push_str(&format!(
                "allow\t{}\t{}\t{}\n",
                a.kind.name(),
                a.pattern,
                a.source
            ));
        }
        for r in &self.refused {
            out.push_str(&format!(
                "refuse\t{}\t{}\t{}\n",
                r.kind.name(),
                r.pattern,
                r.reason
            ));
        }
        out
    }

    pub fn from_tsv(text: &str) -> AllowList {
        let mut list = AllowList::default();
        for line in text.lines() {
            if let Some(r) = line.strip_prefix("# derived from ") {
                list.release = r.to_owned();
                continue;
            }
            let cells: Vec<&str> = line.splitn(4, '\t').collect();
            let [what, kind, pattern, why] = cells[..] else {
                continue;
            };
            let Some(kind) = Kind::parse(kind) else {
                continue;
            };
            match what {
                "allow" => list.allowed.push(Allowed {
                    kind,
                    pattern: pattern.to_owned(),
                    source: why.to_owned(),
                }),
                "refuse" => list.refused.push(Refused {
                    kind,
                    pattern: pattern.to_owned(),
                    reason: why.to_owned(),
                }),
                _ => {}
            }
        }
        list
    }
}

/// The reference release to read for a running `(major, minor)`: the newest
/// excerpt of that series or an older one, with its path.
pub fn release_for(dir: &Path, running: (u64, u64)) -> Option<(String, PathBuf)> {
    let mut best: Option<((u64, u64, u64), String, PathBuf)> = None;
    for entry in std::fs::read_dir(dir).ok()? {
        let path = entry.ok()?.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".txt"))
        else {
            continue;
        };
        let nums: Vec<u64> = stem.split('.').filter_map(|p| p.parse().ok()).collect();
        let [a, b, c] = nums[..] else { continue };
        if (a, b) > running {
            continue;
        }
        if best.as_ref().is_none_or(|(v, _, _)| (a, b, c) > *v) {
            best = Some(((a, b, c), stem.to_owned(), path));
        }
    }
    best.map(|(_, s, p)| (s, p))
}

fn parse_release(text: &str) -> BTreeMap<String, SourceFile> {
    let procname = regex::Regex::new(r#"\.procname\s*=\s*"([^"]*)""#).unwrap();
    let mode = regex::Regex::new(r"\.mode\s*=\s*(0[0-7]+)").unwrap();
    let handler = regex::Regex::new(r"\.proc_handler\s*=\s*&?(\w+)").unwrap();
    let data = regex::Regex::new(r"\.data\s*=\s*([^,\n]+)").unwrap();
    let name = regex::Regex::new(r"ctl_table\s+(\w+)\s*\[").unwrap();
    let define = regex::Regex::new(r#"#define\s+(\w+)\s+"([^"]*)""#).unwrap();
    let mut files: BTreeMap<String, SourceFile> = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut block: Option<(String, String)> = None; // (kind, text)
    let flush = |files: &mut BTreeMap<String, SourceFile>,
                 current: &Option<String>,
                 block: &mut Option<(String, String)>| {
        let (Some(file), Some((kind, text))) = (current, block.take()) else {
            return;
        };
        let f = files.entry(file.clone()).or_default();
        match kind.as_str() {
            "table" => {
                let Some(n) = name.captures(&text) else {
                    return;
                };
                // Entries in order: a procname starts one; mode and handler
                // belong to the last procname seen.
                let mut entries: Vec<Entry> = Vec::new();
                let mut events: Vec<(usize, u8, String)> = Vec::new();
                for c in procname.captures_iter(&text) {
                    events.push((c.get(0).unwrap().start(), 0, c[1].to_owned()));
                }
                for c in mode.captures_iter(&text) {
                    events.push((c.get(0).unwrap().start(), 1, c[1].to_owned()));
                }
                for c in handler.captures_iter(&text) {
                    events.push((c.get(0).unwrap().start(), 2, c[1].to_owned()));
                }
                for c in data.captures_iter(&text) {
                    events.push((c.get(0).unwrap().start(), 3, c[1].trim().to_owned()));
                }
                events.sort();
                for (_, what, value) in events {
                    match (what, entries.last_mut()) {
                        (0, _) => entries.push(Entry {
                            procname: value,
                            mode: None,
                            handler: String::new(),
                            data: String::new(),
                        }),
                        (1, Some(e)) => e.mode = u32::from_str_radix(&value[1..], 8).ok(),
                        (2, Some(e)) => e.handler = value,
                        (3, Some(e)) => e.data = value,
                        _ => {}
                    }
                }
                f.tables.push(Table {
                    name: n[1].to_owned(),
                    entries,
                });
            }
            "register" => f.registers.push(text),
            _ => {
                for c in define.captures_iter(&text) {
                    f.strings.insert(c[1].to_owned(), c[2].to_owned());
                }
            }
        }
    };
    for line in text.lines() {
        if let Some(path) = line.strip_prefix("==> ") {
            flush(&mut files, &current, &mut block);
            current = Some(path.trim().to_owned());
            continue;
        }
        if let Some(kind) = line.strip_prefix("-- ") {
            flush(&mut files, &current, &mut block);
            let kind = kind.trim_end_matches(':');
            let kind = if kind.starts_with("table") {
                "table"
            } else if kind.starts_with("register") {
                "register"
            } else {
                "other"
            };
            block = Some((kind.to_owned(), String::new()));
            continue;
        }
        if let Some((_, t)) = block.as_mut() {
            t.push_str(line);
            t.push('\n');
        }
    }
    flush(&mut files, &current, &mut block);
    files
}

fn calls(registers: &[String], re: &regex::Regex) -> Vec<Call> {
    let mut out = Vec::new();
    for text in registers {
        for c in re.captures_iter(text) {
            out.push(Call {
                first: c[1].trim().to_owned(),
                path: c[2].trim().to_owned(),
                table: c[3]
                    .trim()
                    .trim_start_matches('&')
                    .trim_end_matches(')')
                    .to_owned(),
            });
        }
    }
    // The same call appears in several register excerpts (context overlaps).
    out.sort_by(|a, b| (&a.first, &a.path, &a.table).cmp(&(&b.first, &b.path, &b.table)));
    out.dedup_by(|a, b| a.first == b.first && a.path == b.path && a.table == b.table);
    out
}

fn literal(path: &str) -> Option<&str> {
    path.strip_prefix('"')?.strip_suffix('"')
}

/// Derive the allow-list from one release's excerpts.
pub fn derive(release: &str, text: &str) -> AllowList {
    let files = parse_release(text);
    let net_call = regex::Regex::new(
        r"register_net_sysctl(?:_sz)?\(\s*([^,()]+(?:\([^()]*\))?)\s*,\s*([^,]+?)\s*,\s*([^,;]+?)\s*[,)]",
    )
    .unwrap();
    let set_call =
        regex::Regex::new(r#"__register_sysctl_table\(\s*([^,]+)\s*,\s*("[^"]*")\s*,\s*(\w+)"#)
            .unwrap();
    let mut list = AllowList {
        release: release.to_owned(),
        ..AllowList::default()
    };
    // Every table by name, for calls that name one from another file
    // (`ipv6_route_table` is a copy of route.c's `ipv6_route_table_template`).
    let mut by_name: BTreeMap<&str, (&str, &Table)> = BTreeMap::new();
    for (file, f) in &files {
        for t in &f.tables {
            by_name.insert(t.name.as_str(), (file.as_str(), t));
        }
    }
    let find_table = |arg: &str| -> Option<(&str, &Table)> {
        by_name
            .get(arg)
            .or_else(|| by_name.get(format!("{arg}_template").as_str()))
            .copied()
    };
    let add_net = |list: &mut AllowList, dir: &str, file: &str, t: &Table| {
        for e in &t.entries {
            if e.procname.is_empty() || e.mode.is_some_and(|m| m & 0o222 == 0) {
                continue; // read-only: never probed
            }
            let pattern = format!("{dir}/{}", e.procname);
            let global = e.data.strip_prefix('&').unwrap_or(&e.data);
            let global = !global.is_empty()
                && global != "init_net"
                && global != "NULL"
                && global
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_');
            if global {
                list.refused.push(Refused {
                    kind: Kind::Net,
                    pattern,
                    reason: format!(
                        "its data is the global `{}`, shared by every namespace (the kernel makes such entries read-only in a child namespace)",
                        e.data
                    ),
                });
            } else if let Some((_, why)) =
                NET_HANDLERS_LEFT_OUT.iter().find(|(h, _)| *h == e.handler)
            {
                list.refused.push(Refused {
                    kind: Kind::Net,
                    pattern,
                    reason: format!("handler {}: {why}", e.handler),
                });
            } else if GENERIC_HANDLERS.contains(&e.handler.as_str())
                || NET_HANDLERS.contains(&e.handler.as_str())
            {
                list.allowed.push(Allowed {
                    kind: Kind::Net,
                    pattern,
                    source: format!("{file}: {} ({})", t.name, e.handler),
                });
            } else {
                list.refused.push(Refused {
                    kind: Kind::Net,
                    pattern,
                    reason: format!(
                        "handler {} not reviewed: it may act outside the namespace",
                        if e.handler.is_empty() {
                            "(unknown)"
                        } else {
                            &e.handler
                        }
                    ),
                });
            }
        }
    };
    // Entries of tables registered for the initial namespace only.
    let mut initial_only: Vec<String> = Vec::new();
    for f in files.values() {
        for c in calls(&f.registers, &net_call) {
            if let (true, Some(dir), Some((_, t))) = (
                c.first == "&init_net",
                literal(&c.path),
                find_table(&c.table),
            ) {
                initial_only.extend(t.entries.iter().map(|e| format!("{dir}/{}", e.procname)));
            }
        }
    }
    for (file, f) in &files {
        // Network namespace.
        let net_calls = calls(&f.registers, &net_call);
        if !net_calls.is_empty() {
            let computed: Vec<&(&str, &str, Option<&str>, &str)> =
                COMPUTED_PATHS.iter().filter(|c| c.0 == file).collect();
            // Tables a call names (here or, as a template, elsewhere).
            let named: Vec<&str> = net_calls
                .iter()
                .filter_map(|c| find_table(&c.table).map(|(_, t)| t.name.as_str()))
                .chain(computed.iter().filter_map(|c| c.2))
                .collect();
            for c in &net_calls {
                if c.first == "&init_net" || c.first.contains("struct ") {
                    continue; // only the initial namespace has it; or the definition
                }
                let path = literal(&c.path).or_else(|| f.strings.get(&c.path).map(String::as_str));
                match path {
                    Some(dir) => {
                        if let Some((tf, t)) = find_table(&c.table) {
                            add_net(&mut list, dir, tf, t);
                        } else {
                            // A local copy (`table`, `tbl`): the file's tables
                            // that no call names.
                            for t in f
                                .tables
                                .iter()
                                .filter(|t| !named.contains(&t.name.as_str()))
                            {
                                add_net(&mut list, dir, file, t);
                            }
                        }
                    }
                    None => {
                        for (_, dir, table, review) in &computed {
                            match table.and_then(|n| f.tables.iter().find(|t| t.name == n)) {
                                Some(t) => add_net(&mut list, dir, file, t),
                                None => list.allowed.push(Allowed {
                                    kind: Kind::Net,
                                    pattern: format!("{dir}/*"),
                                    source: format!("{file}: {review}"),
                                }),
                            }
                        }
                        if computed.is_empty() && file.ends_with(".c") {
                            list.refused.push(Refused {
                                kind: Kind::Net,
                                pattern: format!("(path {} in {file})", c.path),
                                reason: "path built at run time and not reviewed".into(),
                            });
                        }
                    }
                }
            }
        }
        // IPC namespace.
        let ipc_dir = match file.as_str() {
            "ipc/ipc_sysctl.c" => Some(("kernel", "&ns->ipc_set")),
            "ipc/mq_sysctl.c" => Some(("fs/mqueue", "&ns->mq_set")),
            _ => None,
        };
        if let Some((dir, set)) = ipc_dir {
            let own_set = calls(&f.registers, &set_call)
                .iter()
                .any(|c| c.first == set && literal(&c.path) == Some(dir));
            for t in &f.tables {
                for e in &t.entries {
                    let aware = own_set
                        || e.handler.starts_with("proc_ipc_")
                        || e.handler.starts_with("proc_mq_");
                    // The `.child` entries of old releases name directories.
                    if !aware
                        || e.procname == "kernel"
                        || e.procname == "fs"
                        || e.procname == "mqueue"
                    {
                        continue;
                    }
                    list.allowed.push(Allowed {
                        kind: Kind::Ipc,
                        pattern: format!("{dir}/{}", e.procname),
                        source: format!(
                            "{file}: {} ({}{})",
                            t.name,
                            e.handler,
                            if own_set {
                                format!(", registered to {set}")
                            } else {
                                String::new()
                            }
                        ),
                    });
                }
            }
        }
        // UTS namespace.
        if file == "kernel/utsname_sysctl.c" {
            for t in &f.tables {
                for e in &t.entries {
                    if e.handler == "proc_do_uts_string" && e.mode.is_some_and(|m| m & 0o200 != 0) {
                        list.allowed.push(Allowed {
                            kind: Kind::Uts,
                            pattern: format!("kernel/{}", e.procname),
                            source: format!("{file}: {} (proc_do_uts_string)", t.name),
                        });
                    }
                }
            }
        }
    }
    // A name also registered for the initial namespace only, or refused, is
    // not allowed (a local copy can be bound to the wrong table).
    let refused = list.refused.clone();
    list.allowed.retain(|a| {
        let refused = refused
            .iter()
            .any(|r| r.kind == a.kind && r.pattern == a.pattern);
        let initial = a.kind == Kind::Net && initial_only.contains(&a.pattern);
        !refused && !initial
    });
    list.allowed.sort();
    list.allowed
        .dedup_by(|a, b| a.kind == b.kind && a.pattern == b.pattern);
    list.refused.sort();
    list.refused
        .dedup_by(|a, b| a.kind == b.kind && a.pattern == b.pattern);
    list
}
