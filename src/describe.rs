//! `sysctl-lint describe KEY`: everything the catalogue knows about a key, the
//! kernel documentation excerpt, and the rules that concern it.

use serde_json::json;

use crate::catalog::{self, Access, KeyInfo, Status};
use crate::key::Key;
use crate::rules::{self, RuleDoc};

/// A described key.
pub struct Description {
    /// The key as the user wrote it, normalised (`net.ipv4.conf.eth0.rp_filter`).
    pub key: String,
    pub info: &'static KeyInfo,
    pub rules: Vec<&'static RuleDoc>,
}

/// Look the key up; on failure, the closest known keys.
pub fn describe(written: &str) -> Result<Description, Vec<String>> {
    let key = Key::parse(written.trim());
    match catalog::lookup(&key) {
        Some(info) => Ok(Description {
            key: catalog::instantiate(info, &key),
            info,
            rules: rules::about_key(info.path),
        }),
        None => Err(suggestions(&key)),
    }
}

/// The did-you-mean of SL201, then keys whose name contains the last component
/// written.
fn suggestions(key: &Key) -> Vec<String> {
    let mut out: Vec<String> = crate::suggest::suggest(key)
        .map(|s| s.keys)
        .unwrap_or_default();
    if let Some(last) = key.last().filter(|l| l.len() >= 3) {
        for info in catalog::all() {
            if out.len() >= 8 {
                break;
            }
            let candidate = catalog::instantiate(info, key);
            if info
                .path
                .rsplit('/')
                .next()
                .is_some_and(|n| n.contains(last))
                && !out.contains(&candidate)
            {
                out.push(candidate);
            }
        }
    }
    out
}

fn range(info: &KeyInfo) -> Option<String> {
    let r = crate::text::range(info.min, info.max)?;
    Some(if info.enforced {
        format!("{r} (enforced: the kernel rejects other values)")
    } else {
        format!("{r} (documented, not enforced)")
    })
}

fn status(info: &KeyInfo) -> String {
    let when = |v: Option<(u64, u64)>| v.map(catalog::series).unwrap_or_else(|| "?".into());
    match info.status {
        Status::Active => "active".into(),
        Status::Removed => format!("removed in {}", when(info.removed)),
        Status::Moved => format!("moved out of sysctl in {}", when(info.removed)),
        Status::NoOp => "present but has no effect".into(),
        Status::Vendor => "not in mainline (vendor or distribution kernels only)".into(),
    }
}

/// The catalogue's `sources` cell (`;`-separated tags written by
/// `tools/catalogue/gen_catalogue.py`) as the public documents they stand for:
/// the kernel file and release, the man page, the commit.
pub fn public_sources(sources: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for tag in sources.split(';').map(str::trim).filter(|t| !t.is_empty()) {
        let public = public_source(tag);
        if !out.contains(&public) {
            out.push(public);
        }
    }
    out.join("; ")
}

/// One source tag in public wording. Releases: the `.rst` copies without a
/// release are Linux 7.3, `kernel-src` was read in Linux 6.1, the live key
/// list is `sysctl -a` of Linux 6.18.44, the man pages are man-pages 6.20.
fn public_source(tag: &str) -> String {
    // A line number (`ip-sysctl.rst:801`, `tcp.7:715`) is of the copy read, not public.
    let tag = match tag.rsplit_once(':') {
        Some((head, line)) if line.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => tag,
    };
    let doc = |name: &str, release: &str| {
        let dir = match name {
            "ip-sysctl.rst" | "ip-sysctl.txt" => "Documentation/networking",
            n if n.ends_with(".txt") => "Documentation/sysctl",
            _ => "Documentation/admin-guide/sysctl",
        };
        format!("{dir}/{name} (Linux {release})")
    };
    match tag {
        "sysctl-a" => return "`sysctl -a` on Linux 6.18.44".into(),
        "kernel-src" => {
            return "kernel source, Linux 6.1 (the key's ctl_table entry and handler)".into()
        }
        "ctl-tables" => return "kernel sysctl tables (ctl_table arrays), Linux 3.2 to 6.19".into(),
        "kernel_truth" => {
            return "measured on Linux 6.18.44 in a network namespace (see tests/kernel_truth.rs)"
                .into()
        }
        "kernel-hardening-checker" => {
            return "kernel-hardening-checker (github.com/a13xp0p0v/kernel-hardening-checker), \
                    kernel_hardening_checker/checks.py: KSPP and CIS values"
                .into()
        }
        "history" => return "kernel sysctl documentation of older releases".into(),
        "ip-sysctl.rst" | "kernel.rst" | "vm.rst" | "fs.rst" | "net.rst" => return doc(tag, "7.3"),
        _ => {}
    }
    if let Some(range) = tag.strip_prefix("history:") {
        return match range.split_once('-') {
            Some((a, b)) if a != b => format!("kernel sysctl documentation, Linux {a} to {b}"),
            Some((a, _)) => format!("kernel sysctl documentation, Linux {a}"),
            None => format!("kernel sysctl documentation, Linux {range}"),
        };
    }
    if let Some((release, name)) = tag
        .strip_prefix("history/")
        .and_then(|rest| rest.split_once('/'))
    {
        return doc(name, release);
    }
    if let Some(path) = tag.strip_prefix("upstream:") {
        return format!("{path} (upstream kernel; release not recorded)");
    }
    if let Some(file) = tag.strip_prefix("corpus:") {
        let mut parts = file.split("__");
        if let (Some(owner), Some(repo)) = (parts.next(), parts.next()) {
            return format!("seen in a configuration file of github.com/{owner}/{repo}");
        }
    }
    if let Some((path, rest)) = tag.split_once(" (") {
        if let Some(what) = rest.strip_suffix(", not in the ctl-tables excerpts)") {
            return format!("{path}, Linux 6.1 ({what})");
        }
    }
    // A man page: `tcp.7`, `proc_sys_kernel.5`.
    if let Some((page, section)) = tag.rsplit_once('.') {
        if section.len() == 1
            && section.bytes().all(|b| b.is_ascii_digit())
            && !page.is_empty()
            && page.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return format!("{page}({section}), man-pages 6.20");
        }
    }
    tag.to_owned()
}

/// The fields shown, as (label, value) rows; empty values are left out (also the
/// rows of the key pages of the documentation book, `docs/src/keys/`).
pub fn rows(d: &Description) -> Vec<(&'static str, String)> {
    let i = d.info;
    let values: Vec<String> = i.values.iter().map(i128::to_string).collect();
    let mut rows = vec![
        ("key", d.key.clone()),
        ("catalogue entry", i.key.to_owned()),
        ("type", i.ty.name()),
        (
            "access",
            if i.access == Access::ReadOnly {
                "read-only".into()
            } else {
                "read-write".into()
            },
        ),
        ("unit", i.unit.to_owned()),
        ("default", i.default.to_owned()),
        ("range", range(i).unwrap_or_default()),
        ("documented values", values.join(", ")),
        ("since", i.since.map(catalog::series).unwrap_or_default()),
        ("status", status(i)),
        ("scope", i.scope.to_owned()),
        ("module", i.module.to_owned()),
        ("note", i.note.to_owned()),
        ("sources", public_sources(i.sources)),
    ];
    rows.retain(|(_, v)| !v.is_empty());
    rows
}

/// The description for people, in the run's language (labels and rule
/// summaries; the catalogue's own texts and the kernel's documentation stay as
/// written), labels right-aligned by display width.
pub fn render_human(d: &Description) -> String {
    use crate::i18n::tr;
    let rows: Vec<(String, String)> = rows(d)
        .into_iter()
        .map(|(label, value)| {
            let value = match value.as_str() {
                "read-only" => tr("describe-read-only", &[]),
                "read-write" => tr("describe-read-write", &[]),
                _ => value,
            };
            (
                tr(&format!("describe-{}", label.replace(' ', "-")), &[]),
                value,
            )
        })
        .collect();
    let width = rows
        .iter()
        .map(|(l, _)| crate::text::width(l))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (label, value) in &rows {
        let pad = " ".repeat(width - crate::text::width(label));
        out.push_str(&format!("{pad}{label}: {value}\n"));
    }
    if let Some((source, text)) = catalog::doc_excerpt(d.info) {
        out.push_str(&format!(
            "\n{}\n",
            tr("describe-kernel-doc", &[("source", source.into())])
        ));
        for line in text.lines() {
            out.push_str(&format!("    {line}\n"));
        }
    }
    if !d.rules.is_empty() {
        out.push_str(&format!("\n{}\n", tr("describe-rules-about", &[])));
        for r in &d.rules {
            out.push_str(&format!(
                "    {} {}: {}\n",
                r.code,
                r.name,
                r.summary_localized()
            ));
        }
    }
    out
}

pub fn to_json(d: &Description) -> serde_json::Value {
    let i = d.info;
    json!({
        "key": d.key,
        "entry": i.key,
        "type": i.ty.name(),
        "read_only": i.access == Access::ReadOnly,
        "unit": i.unit,
        "default": i.default,
        "min": i.min.map(|v| v.to_string()),
        "max": i.max.map(|v| v.to_string()),
        "enforced": i.enforced,
        "values": i.values.iter().map(i128::to_string).collect::<Vec<_>>(),
        "since": i.since.map(catalog::series),
        "removed": i.removed.map(catalog::series),
        "status": status(i),
        "scope": i.scope,
        "module": i.module,
        "note": i.note,
        "sources": public_sources(i.sources),
        "doc": catalog::doc_excerpt(i).map(|(source, text)| json!({"source": source, "text": text})),
        "rules": d.rules.iter().map(|r| json!({"code": r.code, "name": r.name})).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_tags_in_public_wording() {
        assert_eq!(
            public_sources("sysctl-a;ip-sysctl.rst:801;history:4.1-7.3;tcp.7:715;ctl-tables"),
            "`sysctl -a` on Linux 6.18.44; Documentation/networking/ip-sysctl.rst (Linux 7.3); \
             kernel sysctl documentation, Linux 4.1 to 7.3; tcp(7), man-pages 6.20; \
             kernel sysctl tables (ctl_table arrays), Linux 3.2 to 6.19"
        );
        assert_eq!(
            public_sources("history/4.14/vm.txt;history/6.1/fs.rst:94;proc_sys_kernel.5"),
            "Documentation/sysctl/vm.txt (Linux 4.14); \
             Documentation/admin-guide/sysctl/fs.rst (Linux 6.1); \
             proc_sys_kernel(5), man-pages 6.20"
        );
        assert_eq!(
            public_sources("kernel.rst;kernel.rst:648;upstream:fs/lockd/svc.c"),
            "Documentation/admin-guide/sysctl/kernel.rst (Linux 7.3); \
             fs/lockd/svc.c (upstream kernel; release not recorded)"
        );
        // Public citations pass through.
        let c = "commit 8a99b6833c88 \"sched: Move SCHED_DEBUG sysctl to debugfs\";mm/memory.c, Linux 6.18";
        assert_eq!(public_sources(c), c.replace(';', "; "));
    }

    /// `describe` works for every catalogued key (placeholders instantiated as a
    /// device name), in both formats.
    #[test]
    fn every_catalogued_key_is_described() {
        for info in catalog::all() {
            let key = crate::catalog::example_key(info);
            let d = describe(&key).unwrap_or_else(|_| panic!("{key} is not described"));
            assert_eq!(d.info.path, info.path, "{key}");
            let text = render_human(&d);
            assert!(
                text.contains(&format!("catalogue entry: {}", info.key)),
                "{key}"
            );
            assert_eq!(to_json(&d)["entry"], info.key, "{key}");
        }
    }
}
