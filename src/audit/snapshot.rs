//! `sysctl -a` snapshots: parsing them, and reading the files named with
//! `--snapshot` (a file, or a directory of them for a fleet).

use super::*;
use crate::i18n::tr;

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
    /// Dotted key -> the 1-based line of the snapshot that gave its value (empty
    /// for values read from a proc tree).
    pub lines: BTreeMap<String, usize>,
    /// The snapshot's text, to show findings at their lines (empty for values
    /// read from a proc tree).
    pub text: String,
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
    let mut snap = Snapshot {
        text: text.to_owned(),
        ..Snapshot::default()
    };
    for (number, raw) in text.lines().enumerate() {
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
                snap.lines.insert(key.clone(), number + 1);
                snap.values.insert(key, v.to_owned());
            }
        }
    }
    snap
}

/// Files named on the command line, and the non-hidden entries of directories
/// that are not directories themselves (sorted by name; reading refuses what is
/// not a regular file). A directory with no such entry stays in the list, so that
/// it is reported as unreadable.
pub(crate) fn expand_snapshots(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let names = Root::open(p)
            .and_then(|r| r.read_dir(Path::new("/")))
            .map_err(|e| CannotRead::new(p, e.reason_text()).message())?;
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
pub(crate) fn read_snapshot(path: &Path, explicit: bool) -> Result<Snapshot, CannotRead> {
    if path.is_dir() {
        return Err(CannotRead::new(path, crate::msg!("fs-no-snapshot-files")));
    }
    let named = if explicit {
        crate::fsroot::Named::Explicit
    } else {
        crate::fsroot::Named::Entry
    };
    let (bytes, _) = crate::fsroot::read_named(path, named)
        .map_err(|e| CannotRead::new(path, e.reason_text()))?;
    Ok(parse_snapshot(&String::from_utf8_lossy(&bytes)))
}

/// A snapshot that could not be read: the path as reports show it and why.
#[derive(Debug)]
pub(crate) struct CannotRead {
    pub path: String,
    pub reason: Text,
}

impl CannotRead {
    fn new(path: &Path, reason: Text) -> CannotRead {
        CannotRead {
            path: crate::escape::escape_path(path).into_owned(),
            reason,
        }
    }

    /// `cannot read PATH: WHY` in the run's language.
    pub(crate) fn message(&self) -> String {
        tr(
            "snapshot-cannot-read",
            &[
                ("path", (&self.path).into()),
                ("error", self.reason.shown().into()),
            ],
        )
    }
}

pub(crate) fn host_name(path: &Path) -> String {
    path.file_stem().map_or_else(
        || crate::escape::escape_path(path).into_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}
