//! The child process: it runs inside `unshare --net --ipc --uts`, checks that it
//! is in new namespaces, and only then writes, each key only if the allow-list
//! allows it. It writes nothing to stdout that matters: its records go to the
//! file the parent names.
//!
//! Records (tab-separated, fields escaped with [`escape`]):
//! - `P kind path probe value old result readback`: one write (`result` is `ok`
//!   or an errno name, `old`/`readback` `=` and the text read before and
//!   after, or `!ERRNO` when it cannot be read);
//! - `L kind path reason`: a catalogued key the namespace exposes writable but
//!   that is not written (left out);
//! - `U kind path`: a writable key that is not catalogued (not probed).

use std::collections::BTreeMap;
use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use sysctl_lint::catalog;
use sysctl_lint::key::Key;
use sysctl_lint::KernelVersion;

use super::probes::{errno_name, escape, probes};
use super::tables::{family_allows, AllowList, Kind};

const NS: [&str; 3] = ["net", "ipc", "uts"];

/// `/proc/self/ns/{net,ipc,uts}` as `net:[4026531840] ipc:[…] uts:[…]`.
pub fn namespace_ids(pid: &str) -> Result<String, String> {
    let mut ids = Vec::new();
    for ns in NS {
        let link = format!("/proc/{pid}/ns/{ns}");
        let target = std::fs::read_link(&link).map_err(|e| format!("cannot read {link}: {e}"))?;
        ids.push(target.to_string_lossy().into_owned());
    }
    Ok(ids.join(" "))
}

/// Refuse to go on unless every namespace differs from the parent's (passed by
/// the parent) and from the host's (pid 1's).
fn check_namespaces(parent: &str) -> Result<(), String> {
    let own = namespace_ids("self")?;
    let init = namespace_ids("1").ok();
    for (i, mine) in own.split(' ').enumerate() {
        let theirs = parent.split(' ').nth(i);
        let host = init.as_deref().and_then(|s| s.split(' ').nth(i));
        if theirs.is_none_or(|t| t == mine) || host == Some(mine) {
            return Err(format!(
                "refusing to write: namespace {mine} is not new (parent: {parent}, pid 1: {})",
                init.as_deref().unwrap_or("unreadable")
            ));
        }
    }
    Ok(())
}

fn errno(e: &std::io::Error) -> String {
    e.raw_os_error()
        .map_or_else(|| format!("({e})"), errno_name)
}

fn read_value(path: &Path) -> Result<String, String> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Ok(text.strip_suffix('\n').unwrap_or(&text).to_owned())
        }
        Err(e) => Err(errno(&e)),
    }
}

/// One `write(2)` of the value and a newline, as procps and systemd-sysctl do.
fn write_value(path: &Path, value: &str) -> Result<(), String> {
    let mut f = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| errno(&e))?;
    f.write(format!("{value}\n").as_bytes())
        .map(|_| ())
        .map_err(|e| errno(&e))
}

fn writable(path: &Path) -> bool {
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()) else {
        return false;
    };
    // SAFETY: a valid NUL-terminated path; access(2) only reads it.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let rel = format!("{rel}/{name}");
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            walk(&e.path(), &rel, out);
        } else if ft.is_file() {
            out.push(rel);
        }
    }
}

/// The key of a `/proc/sys` path, in the catalogue's terms.
pub fn key_of(path: &str) -> Key {
    Key::from_components(path.split('/'))
}

/// Which instance of a catalogue entry with placeholders to probe: `default`
/// (seeds new devices only), then `all`, then `lo`.
fn preference(path: &str) -> (u8, String) {
    let parts: Vec<&str> = path.split('/').collect();
    let rank = if parts.contains(&"default") {
        0
    } else if parts.contains(&"all") {
        1
    } else if parts.contains(&"lo") {
        2
    } else {
        3
    };
    (rank, path.to_owned())
}

pub fn run(kind: Kind, allow: &AllowList, parent_ns: &str, out: &Path) -> Result<(), String> {
    check_namespaces(parent_ns)?;
    let proc_sys = Path::new("/proc/sys");
    if kind == Kind::Net && proc_sys.join("net/core/netdev_max_backlog").exists() {
        // net_core_table is registered for the initial namespace only.
        return Err("refusing to write: the child sees the initial network namespace's tables (net/core/netdev_max_backlog)".into());
    }
    let kernel = KernelVersion::running()?;
    let mut files = Vec::new();
    for root in kind.roots() {
        walk(&proc_sys.join(root), root, &mut files);
    }
    files.sort();
    let mut records: Vec<String> = Vec::new();
    // Catalogue entry path -> candidate instances.
    let mut chosen: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut left_out: BTreeMap<&'static str, Vec<(String, String)>> = BTreeMap::new();
    for path in &files {
        let family = family_allows(kind, path);
        let tables = allow.in_tables(kind, path).is_some();
        if !(family || tables) || !writable(&proc_sys.join(path)) {
            continue; // not this namespace's (kernel.panic seen from an IPC one)
        }
        let Some(info) = catalog::lookup(&key_of(path)) else {
            records.push(format!("U\t{}\t{}", kind.name(), escape(path)));
            continue;
        };
        if !family {
            left_out.entry(info.path).or_default().push((
                path.clone(),
                "per-namespace, but outside the key families the test may write".into(),
            ));
            continue;
        }
        if allow.allows(kind, path).is_none() {
            let reason = allow.refusal(kind, path).map_or_else(
                || {
                    format!(
                        "not found in a per-namespace table of {} (its name is not a literal there, or the table is built at run time)",
                        allow.release
                    )
                },
                |r| r.reason.clone(),
            );
            left_out
                .entry(info.path)
                .or_default()
                .push((path.clone(), reason));
            continue;
        }
        chosen.entry(info.path).or_default().push(path.clone());
    }
    // One row per catalogue entry left out.
    for (_, mut paths) in left_out {
        paths.sort_by_key(|(p, _)| preference(p));
        let (path, reason) = &paths[0];
        records.push(format!(
            "L\t{}\t{}\t{}",
            kind.name(),
            escape(path),
            escape(reason)
        ));
    }
    if kind == Kind::Uts {
        // A known starting point, so the results do not depend on the host's name.
        for (path, value) in [
            ("kernel/hostname", "kernel-truth"),
            ("kernel/domainname", "kernel-truth.test"),
        ] {
            if allow.allows(kind, path).is_some() {
                write_value(&proc_sys.join(path), value)?;
            }
        }
    }
    for (_, mut paths) in chosen {
        paths.sort_by_key(|p| preference(p));
        let path = &paths[0];
        // The gate, again, right before the writes.
        assert!(
            family_allows(kind, path) && allow.allows(kind, path).is_some(),
            "{path} is not allowed"
        );
        let full: PathBuf = proc_sys.join(path);
        let info = catalog::lookup(&key_of(path)).expect("catalogued");
        let original = read_value(&full);
        for p in probes(info, &kernel, original.as_deref().ok()) {
            // Read again: putting the original back can fail (a default outside
            // the range the kernel enforces), and the answer is judged against
            // what was there just before.
            let old = read_value(&full);
            let result = write_value(&full, &p.value).err();
            let after = read_value(&full);
            if let (Ok(o), Ok(a)) = (&original, &after) {
                if o != a {
                    // Put the value back, so every probe starts from it.
                    let _ = write_value(&full, o);
                }
            }
            let show = |r: &Result<String, String>| match r {
                Ok(s) => format!("={}", escape(s)),
                Err(e) => format!("!{e}"),
            };
            records.push(format!(
                "P\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                kind.name(),
                escape(path),
                p.name,
                escape(&p.value),
                show(&old),
                result.as_deref().unwrap_or("ok"),
                show(&after)
            ));
        }
    }
    let mut text = records.join("\n");
    text.push('\n');
    std::fs::write(out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))
}
