//! The generated part of the documentation book (`docs/`, an mdBook): a page per
//! rule from `rules/docs/<CODE>.md` (as embedded in the binary), a page per key
//! family from the catalogue (`rules/keys.tsv`, `rules/key-docs.tsv`, the same
//! rows as `sysctl-lint describe`), their two index pages and `SUMMARY.md`.
//!
//! `cargo run --example gen-docs` writes them; `tests/book.rs` checks that the
//! checked-in `docs/` is what this produces. `docs/book.toml` and
//! `docs/src/introduction.md` and the guide chapters (`docs/src/guide/`) are
//! written by hand.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sysctl_lint::catalog::{self, KeyInfo};
use sysctl_lint::describe::{self, Description};
use sysctl_lint::rules::{self, RuleDoc};

/// Pages written by hand, in the order of the table of contents (path, title).
pub const HAND_WRITTEN: &[(&str, &str)] = &[
    ("introduction.md", "Introduction"),
    ("guide/whole-system.md", "A whole system"),
    ("guide/audit.md", "Auditing the running system and fleets"),
    (
        "guide/configuration.md",
        "Configuration, suppressions and baselines",
    ),
    ("guide/autofix.md", "Autofix"),
    ("guide/untrusted-trees.md", "Safe on untrusted trees"),
    ("guide/editors.md", "Editors"),
    ("guide/ci.md", "CI, pre-commit and packages"),
    ("guide/formats.md", "Output formats"),
    ("guide/json.md", "JSON report"),
    ("guide/performance.md", "Performance"),
    ("guide/internals.md", "Internals"),
];

/// Directories under `docs/src` whose every file is generated.
pub const GENERATED_DIRS: &[&str] = &["rules", "keys"];

/// Key families, tried in order (the first prefix that matches wins):
/// (prefix, file stem, title, what the keys are about).
const FAMILIES: &[(&str, &str, &str, &str)] = &[
    (
        "net.core.",
        "net-core",
        "net.core.*",
        "Network core: socket buffers, backlogs, busy polling, BPF",
    ),
    (
        "net.ipv4.tcp_",
        "net-ipv4-tcp",
        "net.ipv4.tcp_*",
        "TCP (shared by IPv4 and IPv6)",
    ),
    ("net.ipv4.udp", "net-ipv4-udp", "net.ipv4.udp*", "UDP"),
    (
        "net.ipv4.conf.",
        "net-ipv4-conf",
        "net.ipv4.conf.*",
        "IPv4 per interface (all, default, or an interface name)",
    ),
    (
        "net.ipv4.neigh.",
        "net-ipv4-neigh",
        "net.ipv4.neigh.*",
        "ARP (IPv4 neighbour tables)",
    ),
    (
        "net.ipv4.route.",
        "net-ipv4-route",
        "net.ipv4.route.*",
        "IPv4 routing cache and garbage collection",
    ),
    (
        "net.ipv4.vs.",
        "net-ipv4-vs",
        "net.ipv4.vs.*",
        "IP Virtual Server (IPVS)",
    ),
    (
        "net.ipv4.netfilter.",
        "net-ipv4-netfilter",
        "net.ipv4.netfilter.*",
        "Netfilter, IPv4 names",
    ),
    (
        "net.ipv4.",
        "net-ipv4",
        "net.ipv4.*",
        "IPv4: forwarding, ports, ICMP, fragments, other",
    ),
    (
        "net.ipv6.conf.",
        "net-ipv6-conf",
        "net.ipv6.conf.*",
        "IPv6 per interface (all, default, or an interface name)",
    ),
    (
        "net.ipv6.neigh.",
        "net-ipv6-neigh",
        "net.ipv6.neigh.*",
        "IPv6 neighbour discovery tables",
    ),
    (
        "net.ipv6.",
        "net-ipv6",
        "net.ipv6.*",
        "IPv6: routes, fragments, ICMPv6, other",
    ),
    (
        "net.netfilter.",
        "net-netfilter",
        "net.netfilter.*",
        "Netfilter: connection tracking and logging",
    ),
    (
        "net.nf_conntrack_max",
        "net-netfilter",
        "net.netfilter.*",
        "",
    ),
    ("net.sctp.", "net-sctp", "net.sctp.*", "SCTP"),
    ("net.mptcp.", "net-mptcp", "net.mptcp.*", "Multipath TCP"),
    (
        "net.",
        "net-other",
        "net.* (other)",
        "Other protocols: bridge, unix sockets, vsock, TIPC, AppleTalk, VRF",
    ),
    (
        "kernel.",
        "kernel",
        "kernel.*",
        "Kernel: scheduling, IPC, security, panics, printk, limits",
    ),
    (
        "vm.",
        "vm",
        "vm.*",
        "Virtual memory: writeback, swapping, overcommit, reclaim",
    ),
    (
        "fs.",
        "fs",
        "fs.*",
        "File systems: file handles, inotify, protected links, AIO",
    ),
    (
        "dev.",
        "dev",
        "dev.*",
        "Devices: TTYs, RAID, SCSI, CD-ROM, HPET",
    ),
    ("user.", "user", "user.*", "Per-user namespace limits"),
    ("sunrpc.", "sunrpc", "sunrpc.*", "Sun RPC (NFS)"),
    (
        "",
        "other",
        "abi.*, debug.*, xen.*",
        "Architecture and debugging",
    ),
];

/// Rule groups by the hundreds digit of the code.
const RULE_GROUPS: &[(char, &str)] = &[
    ('1', "SL1xx: syntax and files"),
    ('2', "SL2xx: keys"),
    ('3', "SL3xx: values"),
    ('4', "SL4xx: duplicates, overrides and the sysctl.d layout"),
    ('5', "SL5xx: networking and TCP"),
    ('6', "SL6xx: memory, vm and fs"),
    ('7', "SL7xx: hardening profiles"),
    ('8', "SL8xx: the running system (audit)"),
];

/// Every generated file, by its path under `docs/`.
pub fn generate() -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let families = families();
    for doc in rules::docs() {
        files.insert(format!("src/rules/{}.md", doc.code), rule_page(doc));
    }
    files.insert("src/rules.md".into(), rules_index());
    for (stem, f) in &families {
        files.insert(format!("src/keys/{stem}.md"), key_page(f));
    }
    files.insert("src/keys.md".into(), keys_index(&families));
    files.insert("src/SUMMARY.md".into(), summary(&families));
    files
}

/// The keys of one family page.
struct Family {
    title: &'static str,
    about: &'static str,
    keys: Vec<&'static KeyInfo>,
}

/// Families by file stem.
type Families = BTreeMap<&'static str, Family>;

/// The catalogue grouped by family.
fn families() -> Families {
    let mut out: Families = BTreeMap::new();
    for info in catalog::all() {
        let (stem, title, about) = family(info.key);
        let entry = out.entry(stem).or_insert(Family {
            title,
            about,
            keys: Vec::new(),
        });
        if entry.about.is_empty() {
            entry.about = about;
        }
        entry.keys.push(info);
    }
    for f in out.values_mut() {
        f.keys.sort_by(|a, b| a.key.cmp(b.key));
    }
    out
}

/// `(file stem, title, about)` of a catalogue key.
fn family(key: &str) -> (&'static str, &'static str, &'static str) {
    let (_, stem, title, about) = FAMILIES
        .iter()
        .find(|(prefix, ..)| key.starts_with(prefix))
        .expect("the last family matches every key");
    (stem, title, about)
}

/// The anchor of a key on its family page (raw HTML, so that it does not depend
/// on how a renderer turns a heading into an id).
fn anchor(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Link to a key's entry, relative to a page in `docs/src/<dir>/`.
fn key_link(info: &KeyInfo) -> String {
    let (stem, _, _) = family(info.key);
    format!("[`{}`](../keys/{stem}.md#{})", info.key, anchor(info.key))
}

/// Text for Markdown: punctuation that Markdown or HTML would take is escaped,
/// except inside code spans (between backticks), which are kept as written.
fn md(text: &str) -> String {
    let ticks = text.matches('`').count();
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    for (i, &c) in chars.iter().enumerate() {
        if c == '`' && ticks % 2 == 0 {
            in_code = !in_code;
            out.push(c);
            continue;
        }
        if in_code {
            out.push(c);
            continue;
        }
        // `_` inside a word (tcp_tw_reuse) is never emphasis in CommonMark.
        let inside_word = |i: usize| {
            i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
        };
        match c {
            '_' if inside_word(i) => out.push(c),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '*' | '_' | '[' | ']' | '|' | '#' | '`' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

const GENERATED: &str = "<!-- Generated by `cargo run --example gen-docs` from rules/: edit the sources, not this file. -->\n\n";

fn rule_page(doc: &RuleDoc) -> String {
    let mut out = String::from(GENERATED);
    let (title, body) = doc.body.split_once('\n').unwrap_or((doc.body, ""));
    writeln!(out, "{title}\n").unwrap();
    writeln!(out, "Default severity: **{}**.\n", doc.severity).unwrap();
    if !doc.keys.is_empty() {
        let keys: Vec<String> = doc
            .keys
            .iter()
            .map(
                |path| match catalog::all().iter().find(|i| i.path == *path) {
                    Some(info) => key_link(info),
                    None => format!("`{}`", path.replace('/', ".")),
                },
            )
            .collect();
        writeln!(out, "Keys: {}.", keys.join(", ")).unwrap();
    }
    writeln!(out, "\n> {}", md(doc.summary)).unwrap();
    out.push_str(body);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn rules_index() -> String {
    let mut out = String::from(GENERATED);
    out.push_str("# Rules\n\n");
    out.push_str(
        "Every finding has a code and a name; both work wherever a rule is named (`explain`, \
         `.sysctl-lint.toml`, inline suppressions). `sysctl-lint explain CODE` prints the \
         same page in a terminal, and `sysctl-lint rules` lists them.\n",
    );
    for (digit, heading) in RULE_GROUPS {
        let docs: Vec<&RuleDoc> = rules::docs()
            .iter()
            .filter(|d| d.code.chars().nth(2) == Some(*digit))
            .collect();
        if docs.is_empty() {
            continue;
        }
        writeln!(out, "\n## {heading}\n").unwrap();
        out.push_str("| Code | Name | Severity | Summary |\n|---|---|---|---|\n");
        for d in docs {
            writeln!(
                out,
                "| [{}](rules/{}.md) | `{}` | {} | {} |",
                d.code,
                d.code,
                d.name,
                d.severity,
                md(d.summary)
            )
            .unwrap();
        }
    }
    out
}

fn key_page(family: &Family) -> String {
    let Family { title, about, keys } = family;
    let mut out = String::from(GENERATED);
    writeln!(out, "# {}\n", md(title)).unwrap();
    writeln!(
        out,
        "{}. {} key{} in the catalogue; `sysctl-lint describe KEY` prints the same entry. \
         See [Keys](../keys.md) for what each field means.",
        md(about),
        keys.len(),
        if keys.len() == 1 { "" } else { "s" }
    )
    .unwrap();
    for info in keys {
        let d = Description {
            key: info.key.to_owned(),
            info,
            rules: rules::about_key(info.path),
        };
        writeln!(out, "\n<a id=\"{}\"></a>\n", anchor(info.key)).unwrap();
        writeln!(out, "## `{}`\n", info.key).unwrap();
        for (label, value) in describe::rows(&d) {
            if matches!(label, "key" | "catalogue entry") {
                continue;
            }
            writeln!(out, "- {label}: {}", md(&value)).unwrap();
        }
        if let Some((source, text)) = catalog::doc_excerpt(info) {
            writeln!(out, "\nKernel documentation ({}):\n", md(source)).unwrap();
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            writeln!(out, "{fence}text\n{}\n{fence}", text.trim_end()).unwrap();
        }
        if !d.rules.is_empty() {
            let links: Vec<String> = d
                .rules
                .iter()
                .map(|r| format!("[{} {}](../rules/{}.md)", r.code, r.name, r.code))
                .collect();
            writeln!(out, "\nRules about this key: {}.", links.join(", ")).unwrap();
        }
    }
    out
}

fn keys_index(families: &Families) -> String {
    let mut out = String::from(GENERATED);
    out.push_str("# Keys\n\n");
    writeln!(
        out,
        "The catalogue has {} keys (a key with `<dev>` stands for every interface, `all` and \
         `default`). Each entry shows what `sysctl-lint describe KEY` shows:\n",
        catalog::all().len()
    )
    .unwrap();
    out.push_str(
        "- type: `boolean`, `integer` (signed), `unsigned integer`, `enumeration` (a few \
         documented values), `bitmask`, `string`, a vector of N integers, a port range or a \
         port list;\n\
         - access: read-only keys cannot be set (SL204);\n\
         - unit and default: the kernel's default where it is fixed (some scale with memory \
         or CPUs, and say so);\n\
         - range: the values the kernel accepts; *enforced* means it rejects others with \
         `EINVAL` (SL302 is an error), *documented* that the documentation states the range \
         but the kernel stores other values anyway;\n\
         - since, status: the first release with the key, and whether it was removed, moved \
         out of sysctl, or is accepted but has no effect (SL202, SL203, SL205);\n\
         - scope and module: a per-network-namespace key, or one that exists only once a \
         module is loaded (SL207);\n\
         - sources: the public documents the entry rests on.\n\n",
    );
    out.push_str("| Family | Keys | About |\n|---|---|---|\n");
    for (stem, f) in ordered(families) {
        writeln!(
            out,
            "| [{}](keys/{stem}.md) | {} | {} |",
            md(f.title),
            f.keys.len(),
            md(f.about)
        )
        .unwrap();
    }
    out
}

/// Families in the order of [`FAMILIES`] (the map is ordered by file stem).
fn ordered(families: &Families) -> Vec<(&'static str, &Family)> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (_, stem, _, _) in FAMILIES {
        if seen.contains(stem) {
            continue;
        }
        seen.push(stem);
        if let Some((k, v)) = families.get_key_value(stem) {
            out.push((*k, v));
        }
    }
    out
}

fn summary(families: &Families) -> String {
    let mut out = String::from("# Summary\n\n");
    for (path, title) in HAND_WRITTEN {
        writeln!(out, "[{title}]({path})").unwrap();
    }
    out.push_str("\n- [Rules](rules.md)\n");
    for d in rules::docs() {
        writeln!(out, "  - [{} {}](rules/{}.md)", d.code, d.name, d.code).unwrap();
    }
    out.push_str("- [Keys](keys.md)\n");
    for (stem, f) in ordered(families) {
        writeln!(out, "  - [{}](keys/{stem}.md)", md(f.title)).unwrap();
    }
    out
}
